package dev.provenant.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Neo4j property values in JSON and back, without loss: JSON has no date-times, so those
 * are written as one-key objects naming their type ({@code {"$dateTime":
 * "2026-11-02T09:00:00Z"}}), and integers come back as Neo4j's 64-bit integers. Exactness
 * matters: the audit chain digests these values.
 */
final class PropertyValues {

	private static final String DATE_TIME = "$dateTime";

	private static final String LOCAL_DATE_TIME = "$localDateTime";

	private static final String DATE = "$date";

	private PropertyValues() {
	}

	/** Properties as written to the export, keys sorted so that exports compare. */
	static Map<String, Object> toJson(Map<String, Object> properties) {
		Map<String, Object> json = new TreeMap<>();
		properties.forEach((key, value) -> json.put(key, toJson(value)));
		return json;
	}

	static Object toJson(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Double) {
			return value;
		}
		if (value instanceof ZonedDateTime time) {
			return Map.of(DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time));
		}
		if (value instanceof OffsetDateTime time) {
			return Map.of(DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time.toZonedDateTime()));
		}
		if (value instanceof LocalDateTime time) {
			return Map.of(LOCAL_DATE_TIME, time.toString());
		}
		if (value instanceof LocalDate date) {
			return Map.of(DATE, date.toString());
		}
		if (value instanceof List<?> list) {
			List<Object> json = new ArrayList<>(list.size());
			list.forEach(item -> json.add(toJson(item)));
			return json;
		}
		throw new IllegalStateException("A property of type " + value.getClass().getSimpleName()
				+ " cannot be exported; Provenant stores none");
	}

	/** Properties read from an export, as Neo4j values to store. */
	static Map<String, Object> fromJson(Map<?, ?> json, String where) {
		Map<String, Object> properties = new LinkedHashMap<>();
		json.forEach((key, value) -> properties.put((String) key, fromJson(value, where + "." + key)));
		return properties;
	}

	static Object fromJson(Object json, String where) {
		if (json == null || json instanceof String || json instanceof Boolean || json instanceof Double
				|| json instanceof Long) {
			return json;
		}
		if (json instanceof Integer number) {
			return number.longValue();
		}
		if (json instanceof Number number) {
			throw new IllegalArgumentException(where + " holds " + number + ", which is not a 64-bit number");
		}
		if (json instanceof List<?> list) {
			List<Object> values = new ArrayList<>(list.size());
			list.forEach(item -> values.add(fromJson(item, where)));
			return values;
		}
		if (json instanceof Map<?, ?> typed && typed.size() == 1
				&& typed.values().iterator().next() instanceof String text) {
			Object key = typed.keySet().iterator().next();
			if (DATE_TIME.equals(key)) {
				return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME);
			}
			if (LOCAL_DATE_TIME.equals(key)) {
				return LocalDateTime.parse(text);
			}
			if (DATE.equals(key)) {
				return LocalDate.parse(text);
			}
		}
		throw new IllegalArgumentException(where + " holds a value that is not a Neo4j property");
	}

}
