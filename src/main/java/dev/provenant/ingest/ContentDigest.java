package dev.provenant.ingest;

import dev.provenant.graph.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a record's canonical JSON form, stored with the node. Re-sending a
 * record is "unchanged" exactly when its digest matches: keys are sorted at every depth,
 * timestamps compare as instants (the same moment written with another offset is the same
 * fact), and references compare as sets.
 */
final class ContentDigest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContentDigest() {
	}

	static String of(RecordInput record) {
		Map<String, Object> canonical = new TreeMap<>();
		canonical.put("kind", record.kind().name());
		canonical.put("id", record.id());
		canonical.put("name", record.name());
		canonical.put("attributes", sorted(record.attributes()));
		record.ownFields().forEach((key, value) -> canonical.put(key, normalized(value)));
		canonical.put("references",
				record.references().stream().map(r -> r.type().name() + ":" + r.target()).sorted().toList());
		return Sha256.hex(JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
	}

	/** The attributes as stored: the client's JSON object, in the client's key order. */
	static String attributesJson(Object attributes) {
		return (attributes == null) ? null : JSON.writeValueAsString(attributes);
	}

	private static Object normalized(Object value) {
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		return value;
	}

	private static Object sorted(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), sorted(item)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			list.forEach(item -> items.add(sorted(item)));
			return items;
		}
		return value;
	}

}
