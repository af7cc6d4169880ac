package dev.provenant.audit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import dev.provenant.graph.Sha256;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.TypeSystem;

import org.springframework.stereotype.Component;

/**
 * Reads provenance facts from the store and digests each node's: its labels, every
 * property and every outgoing relationship with its properties and the id of the node it
 * leads to (not that node's labels, which are that node's own facts) (ADR 11). Values are
 * written with their Neo4j type, so a number changed into text, or a time into its
 * spelling, is a different fact.
 */
@Component
class Facts {

	/** Key prefix of an OpenLineage event as received; other keys are node ids. */
	static final String LINEAGE_EVENT = "LineageEvent ";

	/** Key prefix of an OpenTelemetry span as kept. */
	static final String OTLP_SPAN = "OtlpSpan ";

	private final GraphStore store;

	Facts(GraphStore store) {
		this.store = store;
	}

	/**
	 * The fact digest of each key that is in the store, read in {@code tx}; a key with no
	 * node is absent from the answer.
	 */
	Map<String, String> digests(SimpleQueryRunner tx, Collection<String> keys) {
		return digests(tx, keys, null);
	}

	/**
	 * As {@link #digests(SimpleQueryRunner, Collection)}, also adding each node's row
	 * ({@code id}, {@code properties}, {@code out}) to {@code nodeRows} when it is not
	 * null.
	 */
	Map<String, String> digests(SimpleQueryRunner tx, Collection<String> keys, List<Record> nodeRows) {
		return read(tx, keys, nodeRows, false).digests();
	}

	/**
	 * As {@link #digests(SimpleQueryRunner, Collection, List)}, also reading the audit
	 * head (its sequence, hash and state), in the same statement as the nodes' facts when
	 * there are nodes among the keys: a write that locked the head without reading it
	 * learns it with the facts after its change, in the round trip it makes anyway.
	 */
	WithHead digestsWithHead(SimpleQueryRunner tx, Collection<String> keys, List<Record> nodeRows) {
		WithHead read = read(tx, keys, nodeRows, true);
		return (read.head() != null) ? read
				: new WithHead(read.digests(), this.store.run(tx, "audit/head", Map.of()).single());
	}

	/**
	 * The digests of {@code keys}; the head too if {@code head} and there are node ids.
	 */
	private WithHead read(SimpleQueryRunner tx, Collection<String> keys, List<Record> nodeRows, boolean head) {
		List<String> ids = new ArrayList<>();
		List<String> lineageEvents = new ArrayList<>();
		List<String> spans = new ArrayList<>();
		for (String key : keys) {
			if (key.startsWith(LINEAGE_EVENT)) {
				lineageEvents.add(key.substring(LINEAGE_EVENT.length()));
			}
			else if (key.startsWith(OTLP_SPAN)) {
				spans.add(key.substring(OTLP_SPAN.length()));
			}
			else {
				ids.add(key);
			}
		}
		Map<String, String> digests = new HashMap<>();
		MapAccessor headRow = null;
		if (!ids.isEmpty()) {
			var rows = this.store.run(tx, "audit/node_facts", Map.of("ids", ids, "head", head));
			while (rows.hasNext()) {
				Record row = rows.next();
				if (!row.get("head").isNull()) {
					headRow = row.get("head");
					continue;
				}
				digests.put(row.get("key").asString(), digest(row));
				if (nodeRows != null) {
					nodeRows.add(row);
				}
			}
		}
		if (!lineageEvents.isEmpty()) {
			this.store.run(tx, "audit/lineage_event_facts", Map.of("digests", lineageEvents))
				.forEachRemaining(row -> digests.put(row.get("key").asString(), digest(row)));
		}
		if (!spans.isEmpty()) {
			this.store.run(tx, "audit/otlp_span_facts", Map.of("keys", spans))
				.forEachRemaining(row -> digests.put(row.get("key").asString(), digest(row)));
		}
		return new WithHead(digests, headRow);
	}

	/**
	 * Fact digests by key, and the audit head as read with them ({@code sequence},
	 * {@code hash}, {@code state}).
	 */
	record WithHead(Map<String, String> digests, MapAccessor head) {
	}

	/**
	 * Streams every provenance fact in the store to {@code each} as its key (null when
	 * the node has none) and digest, holding none of them.
	 */
	void forEach(SimpleQueryRunner tx, BiConsumer<String, String> each) {
		this.store.run(tx, "audit/all_facts", Map.of())
			.forEachRemaining(
					row -> each.accept(row.get("key").isNull() ? null : row.get("key").asString(), digest(row)));
	}

	/** The state digest of every provenance fact in the store, read in one pass. */
	StateDigest stateDigest(SimpleQueryRunner tx) {
		StateDigest state = StateDigest.empty();
		forEach(tx, (key, digest) -> state.add(digest));
		return state;
	}

	/**
	 * What lies in the store beyond provenance, the log and what ADR 11 lists, if any.
	 */
	String foreign(SimpleQueryRunner tx) {
		var result = this.store.run(tx, "audit/foreign_records", Map.of());
		return result.hasNext() ? result.next().get("foreign").asString() : null;
	}

	static String digest(Record row) {
		Map<String, Object> fact = new TreeMap<>();
		fact.put("labels", row.get("labels").asList(Value::asString).stream().sorted().toList());
		fact.put("properties", typed(row.get("properties")));
		List<String> out = new ArrayList<>();
		for (Value edge : row.get("out").values()) {
			Map<String, Object> relationship = new TreeMap<>();
			relationship.put("type", edge.get("type").asString());
			relationship.put("to", typed(edge.get("to")));
			relationship.put("properties", typed(edge.get("properties")));
			out.add(CanonicalJson.write(relationship));
		}
		fact.put("out", out.stream().sorted().toList());
		return Sha256.hex(CanonicalJson.write(fact));
	}

	/** A value with its type: maps sorted by key, scalars as [type, exact text]. */
	private static Object typed(Value value) {
		TypeSystem types = TypeSystem.getDefault();
		if (value.hasType(types.MAP())) {
			Map<String, Object> map = new TreeMap<>();
			value.keys().forEach(key -> map.put(key, typed(value.get(key))));
			return map;
		}
		if (value.hasType(types.LIST())) {
			List<Object> items = new ArrayList<>();
			value.values().forEach(item -> items.add(typed(item)));
			return List.of("LIST", items);
		}
		String type = value.type().name();
		String text;
		if (value.hasType(types.STRING())) {
			text = value.asString();
		}
		else if (value.hasType(types.FLOAT())) {
			text = Double.toString(value.asDouble());
		}
		else if (value.hasType(types.BYTES())) {
			text = Base64.getEncoder().encodeToString(value.asByteArray());
		}
		else if (value.hasType(types.DATE_TIME())) {
			text = value.asZonedDateTime().toString();
		}
		else {
			text = value.toString();
		}
		return List.of(type, text);
	}

}
