package dev.provenant.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.provenant.api.RecordProblem;
import dev.provenant.api.RecordProblem.Code;

/**
 * The checks a record must pass on its own, before the stored graph is consulted: ids,
 * required text, the attributes object and confidence in 0..1. (Timestamps without an
 * offset never get this far: the DateTime scalar refuses them.)
 */
final class RecordValues {

	static final int MAX_ID_LENGTH = 256;

	private RecordValues() {
	}

	static List<RecordProblem> check(ProvenanceBatch.Positioned positioned) {
		RecordInput record = positioned.record();
		String where = positioned.position();
		String id = usableId(record.id());
		List<RecordProblem> problems = new ArrayList<>();
		String idProblem = idProblem(record.id());
		if (idProblem != null) {
			problems.add(new RecordProblem(where, null, "id", Code.INVALID_VALUE, where + ": id " + idProblem));
		}
		for (Map.Entry<String, Object> required : record.requiredText().entrySet()) {
			if (!(required.getValue() instanceof String text) || text.isBlank()) {
				problems.add(new RecordProblem(where, id, required.getKey(), Code.INVALID_VALUE,
						where + " (" + id + "): " + required.getKey() + " must not be blank"));
			}
		}
		if (record.attributes() != null && !(record.attributes() instanceof Map)) {
			problems.add(new RecordProblem(where, id, "attributes", Code.INVALID_VALUE,
					where + " (" + id + "): attributes must be a JSON object, got " + jsonType(record.attributes())));
		}
		for (Reference reference : record.references()) {
			String referenceProblem = idProblem(reference.target());
			if (referenceProblem != null) {
				problems.add(new RecordProblem(where, id, reference.field(), Code.INVALID_VALUE,
						where + " (" + id + "): a reference in " + reference.field() + " " + referenceProblem));
			}
		}
		if (record instanceof ProvenanceBatch.DecisionInput decision) {
			fraction(problems, where, id, "confidence", decision.confidence());
			fraction(problems, where, id, "dataQuality", decision.dataQuality());
			fraction(problems, where, id, "riskScore", decision.riskScore());
		}
		if (record instanceof ProvenanceBatch.PolicyInput policy) {
			fraction(problems, where, id, "minConfidence", policy.minConfidence());
			fraction(problems, where, id, "minDataQuality", policy.minDataQuality());
			fraction(problems, where, id, "maxRiskScore", policy.maxRiskScore());
			checkSla(problems, where, id, policy.reviewSla());
			if (policy.approverRoles() != null && policy.approverRoles().stream().anyMatch(String::isBlank)) {
				problems.add(new RecordProblem(where, id, "approverRoles", Code.INVALID_VALUE,
						where + " (" + id + "): approverRoles must not hold a blank role"));
			}
		}
		if (record instanceof ProvenanceBatch.DecisionInput decision && decision.occurredAt() == null) {
			problems.add(missing(where, id, "occurredAt"));
		}
		if (record instanceof ProvenanceBatch.DecisionInput decision && decision.route() == null) {
			problems.add(missing(where, id, "route"));
		}
		if (record instanceof ProvenanceBatch.ActionInput action && action.occurredAt() == null) {
			problems.add(missing(where, id, "occurredAt"));
		}
		if (record instanceof ProvenanceBatch.ActionInput action && action.decision() == null) {
			problems.add(missing(where, id, "decision"));
		}
		return problems;
	}

	/** Scores and thresholds are fractions: 0..1 inclusive, never NaN. */
	private static void fraction(List<RecordProblem> problems, String where, String id, String field, Double value) {
		if (value != null && (Double.isNaN(value) || value < 0 || value > 1)) {
			problems.add(new RecordProblem(where, id, field, Code.INVALID_VALUE,
					where + " (" + id + "): " + field + " must be between 0 and 1, got " + value));
		}
	}

	private static void checkSla(List<RecordProblem> problems, String where, String id, String sla) {
		if (sla == null) {
			return;
		}
		try {
			Duration duration = Duration.parse(sla);
			if (duration.isNegative() || duration.isZero()) {
				throw new DateTimeParseException("not positive", sla, 0);
			}
		}
		catch (DateTimeParseException ex) {
			problems.add(new RecordProblem(where, id, "reviewSla", Code.INVALID_VALUE, where + " (" + id
					+ "): reviewSla must be a positive ISO-8601 duration such as PT4H or P2D, got '" + sla + "'"));
		}
	}

	/**
	 * The id to name a record by in messages, or {@code null} when it has no usable one.
	 */
	static String usableId(String id) {
		return (idProblem(id) == null) ? id : null;
	}

	private static String idProblem(String id) {
		if (id == null || id.isBlank()) {
			return "must not be empty";
		}
		if (id.length() > MAX_ID_LENGTH) {
			return "must be at most " + MAX_ID_LENGTH + " characters, got " + id.length();
		}
		return null;
	}

	private static RecordProblem missing(String where, String id, String field) {
		return new RecordProblem(where, id, field, Code.INVALID_VALUE,
				where + " (" + id + "): " + field + " is required");
	}

	private static String jsonType(Object value) {
		if (value instanceof List) {
			return "an array";
		}
		if (value instanceof String) {
			return "a string";
		}
		if (value instanceof Number) {
			return "a number";
		}
		if (value instanceof Boolean) {
			return "a boolean";
		}
		return value.getClass().getSimpleName();
	}

}
