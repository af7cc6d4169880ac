package dev.provenant.audit;

import java.time.temporal.TemporalAccessor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.provenant.graph.Sha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON spelling per value, so that a digest computed today can be recomputed
 * tomorrow: object keys sorted at every depth, times as UTC instants, no insignificant
 * white space.
 */
public final class CanonicalJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CanonicalJson() {
	}

	/**
	 * SHA-256 (hex) of the value's canonical JSON; records and beans are read through
	 * their JSON form.
	 */
	public static String digest(Object value) {
		return sha256(write(JSON.convertValue(value, Object.class)));
	}

	static String write(Object value) {
		return JSON.writeValueAsString(normalize(value));
	}

	static Object normalize(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), normalize(item)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			list.forEach(item -> items.add(normalize(item)));
			return items;
		}
		if (value instanceof ZonedDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof Instant time) {
			return time.toString();
		}
		if (value instanceof TemporalAccessor time) {
			return time.toString();
		}
		return value;
	}

	static String sha256(String text) {
		return Sha256.hex(text);
	}

}
