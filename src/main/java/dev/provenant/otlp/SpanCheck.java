package dev.provenant.otlp;

import java.util.Optional;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * What a span must carry to be kept: ids of OTLP's lengths, its times, and, when it names
 * a decision ({@code provenant.decision.id}), what a decision needs (an outcome, and a
 * route Provenant knows). A span that fails is rejected on its own, with the reason.
 */
final class SpanCheck {

	static final String DECISION_ID = "provenant.decision.id";

	static final String DECISION_OUTCOME = "provenant.decision.outcome";

	static final String DECISION_ROUTE = "provenant.decision.route";

	private SpanCheck() {
	}

	/** Why the span cannot be kept, or empty when it can. */
	static Optional<String> problem(Span span) {
		if (span.getTraceId().size() != 16 || span.getTraceId().toByteArray().length == 0
				|| isZero(span.getTraceId().toByteArray())) {
			return Optional.of("its traceId is not 16 bytes, not all zero");
		}
		if (span.getSpanId().size() != 8 || isZero(span.getSpanId().toByteArray())) {
			return Optional.of("its spanId is not 8 bytes, not all zero");
		}
		if (!span.getParentSpanId().isEmpty() && span.getParentSpanId().size() != 8) {
			return Optional.of("its parentSpanId is not 8 bytes");
		}
		if (span.getStartTimeUnixNano() == 0 || span.getEndTimeUnixNano() == 0
				|| span.getEndTimeUnixNano() < span.getStartTimeUnixNano()) {
			return Optional.of("it has no start and end time, or ends before it starts");
		}
		if (text(span, DECISION_ID).isPresent()) {
			if (text(span, DECISION_ID).get().isBlank()) {
				return Optional.of(DECISION_ID + " is blank");
			}
			if (text(span, DECISION_OUTCOME).filter(outcome -> !outcome.isBlank()).isEmpty()) {
				return Optional
					.of("it names decision '" + text(span, DECISION_ID).get() + "' but has no " + DECISION_OUTCOME);
			}
			Optional<String> route = text(span, DECISION_ROUTE);
			if (route.isEmpty()) {
				return Optional.of("it names decision '" + text(span, DECISION_ID).get() + "' but has no "
						+ DECISION_ROUTE + " (AUTONOMOUS or HUMAN_REVIEW)");
			}
			if (!route.get().equals("AUTONOMOUS") && !route.get().equals("HUMAN_REVIEW")) {
				return Optional.of(DECISION_ROUTE + " '" + route.get() + "' is not AUTONOMOUS or HUMAN_REVIEW");
			}
		}
		if (text(span, TraceMapping.ACTION_TYPE).isPresent() && text(span, TraceMapping.ACTION_ID).isEmpty()
				&& text(span, TraceMapping.TOOL_CALL_ID).filter(id -> !id.isBlank()).isEmpty()) {
			return Optional.of("it is an action (" + TraceMapping.ACTION_TYPE + ") but has neither "
					+ TraceMapping.TOOL_CALL_ID + " nor " + TraceMapping.ACTION_ID + " to name it");
		}
		return Optional.empty();
	}

	/** A string attribute of the span, if set. */
	static Optional<String> text(Span span, String key) {
		for (KeyValue attribute : span.getAttributesList()) {
			if (attribute.getKey().equals(key)
					&& attribute.getValue().getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
				return Optional.of(attribute.getValue().getStringValue());
			}
		}
		return Optional.empty();
	}

	private static boolean isZero(byte[] bytes) {
		for (byte b : bytes) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

}
