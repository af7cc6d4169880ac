package dev.provenant.otlp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A span as Provenant keeps it: its ids in hex, its times, and its attributes and its
 * resource's as plain values, without the attributes that carry prompt or completion text
 * (unless content is kept). Keyed by {@code <traceId>:<spanId>}: the first copy received
 * is the one kept.
 *
 * @param parentSpanId the parent's id, or {@code null} for a trace's root span
 * @param kind the span kind's name (CLIENT, INTERNAL, …)
 * @param status the status code's name (UNSET, OK, ERROR)
 * @param attributes the span's attributes (sorted by key)
 * @param resource the attributes of the resource that sent it (service.name, …)
 * @param scope the instrumentation scope's name, or {@code null}
 */
record KeptSpan(String traceId, String spanId, String parentSpanId, String name, String kind, long startNanos,
		long endNanos, String status, Map<String, Object> attributes, Map<String, Object> resource, String scope) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	static KeptSpan of(Span span, List<KeyValue> resource, String scope, boolean keepContent) {
		String parent = span.getParentSpanId().isEmpty() ? null : HEX.formatHex(span.getParentSpanId().toByteArray());
		return new KeptSpan(HEX.formatHex(span.getTraceId().toByteArray()),
				HEX.formatHex(span.getSpanId().toByteArray()), parent, span.getName(),
				span.getKind().name().replace("SPAN_KIND_", ""), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
				span.getStatus().getCode().name().replace("STATUS_CODE_", ""),
				values(span.getAttributesList(), keepContent), values(resource, true),
				(scope == null || scope.isEmpty()) ? null : scope);
	}

	String key() {
		return this.traceId + ":" + this.spanId;
	}

	/** The attribute as text, if it is a string (or a number or boolean, spelt). */
	String text(String attribute) {
		Object value = this.attributes.get(attribute);
		return (value == null || value instanceof List || value instanceof Map) ? null : String.valueOf(value);
	}

	/** The attribute as a number, if it is one (or text that reads as one). */
	Double number(String attribute) {
		Object value = this.attributes.get(attribute);
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof String text) {
			try {
				return Double.valueOf(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/** The attribute as a boolean, if it is one (or the text true/false). */
	Boolean flag(String attribute) {
		Object value = this.attributes.get(attribute);
		if (value instanceof Boolean flag) {
			return flag;
		}
		if ("true".equalsIgnoreCase(String.valueOf(value)) || "false".equalsIgnoreCase(String.valueOf(value))) {
			return Boolean.valueOf(String.valueOf(value));
		}
		return null;
	}

	/** {@code gen_ai.operation.name}, or {@code null}. */
	String operation() {
		return text("gen_ai.operation.name");
	}

	OffsetDateTime startedAt() {
		return time(this.startNanos);
	}

	OffsetDateTime endedAt() {
		return time(this.endNanos);
	}

	/** The properties of its {@code OtlpSpan} node. */
	Map<String, Object> asProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("key", key());
		properties.put("traceId", this.traceId);
		properties.put("spanId", this.spanId);
		if (this.parentSpanId != null) {
			properties.put("parentSpanId", this.parentSpanId);
		}
		properties.put("name", this.name);
		properties.put("kind", this.kind);
		properties.put("startNanos", this.startNanos);
		properties.put("endNanos", this.endNanos);
		properties.put("status", this.status);
		properties.put("attributes", JSON.writeValueAsString(this.attributes));
		properties.put("resource", JSON.writeValueAsString(this.resource));
		if (this.scope != null) {
			properties.put("scope", this.scope);
		}
		return properties;
	}

	/** A kept span read back from its node's properties. */
	static KeptSpan fromProperties(Map<String, Object> node) {
		return new KeptSpan((String) node.get("traceId"), (String) node.get("spanId"),
				(String) node.get("parentSpanId"), (String) node.get("name"), (String) node.get("kind"),
				((Number) node.get("startNanos")).longValue(), ((Number) node.get("endNanos")).longValue(),
				(String) node.get("status"), map((String) node.get("attributes")), map((String) node.get("resource")),
				(String) node.get("scope"));
	}

	private static Map<String, Object> map(String json) {
		return (json == null) ? Map.of() : new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		}));
	}

	private static OffsetDateTime time(long nanos) {
		return Instant.ofEpochSecond(0, nanos).atOffset(ZoneOffset.UTC);
	}

	private static Map<String, Object> values(List<KeyValue> attributes, boolean keepContent) {
		Map<String, Object> values = new TreeMap<>();
		for (KeyValue attribute : attributes) {
			if (keepContent || !SpanContent.isContent(attribute.getKey())) {
				Object value = value(attribute.getValue());
				if (value != null) {
					values.put(attribute.getKey(), value);
				}
			}
		}
		return values;
	}

	private static Object value(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> value.getBoolValue();
			case INT_VALUE -> value.getIntValue();
			case DOUBLE_VALUE -> value.getDoubleValue();
			case BYTES_VALUE -> java.util.Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
			case ARRAY_VALUE -> {
				List<Object> items = new ArrayList<>();
				value.getArrayValue().getValuesList().forEach(item -> items.add(value(item)));
				yield items;
			}
			case KVLIST_VALUE -> {
				Map<String, Object> map = new TreeMap<>();
				value.getKvlistValue().getValuesList().forEach(kv -> map.put(kv.getKey(), value(kv.getValue())));
				yield map;
			}
			default -> null;
		};
	}

}
