package dev.provenant.otlp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP's JSON encoding differs from protobuf's JSON mapping in one place that matters
 * here: trace and span ids are hex, not base64. Read as base64, a hex id decodes to other
 * bytes without complaint, so they are turned into base64 before parsing and back into
 * hex after printing.
 */
final class OtlpJsonIds {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The id fields and their length in bytes. */
	private static final Map<String, Integer> IDS = Map.of("traceId", 16, "spanId", 8, "parentSpanId", 8);

	private static final Set<String> NAMES = IDS.keySet();

	private OtlpJsonIds() {
	}

	static String toBase64(String json) {
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidOtlp("The body is not JSON: " + ex.getOriginalMessage());
		}
		rewrite(tree, true);
		return JSON.writeValueAsString(tree);
	}

	static String toHex(String json) {
		JsonNode tree = JSON.readTree(json);
		rewrite(tree, false);
		return JSON.writeValueAsString(tree);
	}

	private static void rewrite(JsonNode node, boolean toBase64) {
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				JsonNode value = object.get(name);
				if (NAMES.contains(name) && value.isString()) {
					object.put(name, toBase64 ? base64(name, value.asString()) : hex(value.asString()));
				}
				else {
					rewrite(value, toBase64);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(item -> rewrite(item, toBase64));
		}
	}

	private static String base64(String field, String hex) {
		if (hex.isEmpty()) {
			return hex;
		}
		if (hex.length() != IDS.get(field) * 2) {
			throw new InvalidOtlp(field + " '" + abbreviated(hex) + "' is not " + IDS.get(field) * 2 + " hex digits");
		}
		try {
			return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOtlp(field + " '" + abbreviated(hex) + "' is not hex");
		}
	}

	private static String hex(String base64) {
		return base64.isEmpty() ? base64 : HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
	}

	private static String abbreviated(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
