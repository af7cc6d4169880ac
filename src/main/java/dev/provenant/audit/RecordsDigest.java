package dev.provenant.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Digests what a write left in the graph, read back from Neo4j, so that the same
 * computation at verification time notices a record edited or deleted behind the
 * service's back. Each operation digests the part of the records it owns: ingest the
 * immutable facts and edges of the nodes it created, a review the verdicts and final
 * state of its decision, a rollback the action's rollback fields, a quarantine or release
 * its entry in the node's history. OpenLineage events digest the kinds of the nodes they
 * name.
 */
@Component
class RecordsDigest {

	/**
	 * Properties that later writes legitimately change; each is digested by the operation
	 * that sets it.
	 */
	private static final Set<String> MUTABLE = Set.of("status", "rolledBackAt", "rolledBackBy", "rollbackReason",
			"reviewState", "reviewedAt", "quarantined", "quarantineHistory", "reviewLock");

	private final GraphStore store;

	RecordsDigest(GraphStore store) {
		this.store = store;
	}

	/** The state of the given nodes, in one query. */
	Map<String, Map<String, Object>> states(TransactionContext tx, Collection<String> ids) {
		return states(tx, ids, null);
	}

	/**
	 * As {@link #states(TransactionContext, Collection)}, also adding each row to
	 * {@code rows} when it is not null.
	 */
	Map<String, Map<String, Object>> states(TransactionContext tx, Collection<String> ids, List<Record> rows) {
		Map<String, Map<String, Object>> states = new HashMap<>();
		if (ids.isEmpty()) {
			return states;
		}
		this.store.run(tx, "audit/node_states", Map.of("ids", List.copyOf(ids))).forEachRemaining(row -> {
			if (rows != null) {
				rows.add(row);
			}
			List<String> edges = new ArrayList<>();
			List<Map<String, Object>> reviews = new ArrayList<>();
			for (Value edge : row.get("out").values()) {
				if (!edge.get("verdict").isNull()) {
					// A review: the approver edge carrying a verdict.
					Map<String, Object> review = new HashMap<>();
					review.put("approver", edge.get("to").asString());
					review.put("verdict", edge.get("verdict").asObject());
					review.put("at", edge.get("at").asObject());
					review.put("rationale", edge.get("rationale").asObject());
					reviews.add(review);
				}
				else if (edge.get("via").isNull()) {
					// Recorded with the node; edges mapped from OpenLineage later are
					// not.
					edges.add(edge.get("type").asString() + ":" + edge.get("to").asString());
				}
			}
			Map<String, Object> state = new HashMap<>();
			state.put("properties", row.get("properties").asMap(Value::asObject));
			state.put("edges", edges.stream().sorted().toList());
			state.put("reviews", reviews);
			states.put(row.get("id").asString(), state);
		});
		return states;
	}

	String digest(AuditOperation operation, List<String> ids, String detail, Map<String, Map<String, Object>> states) {
		List<Object> parts = new ArrayList<>();
		for (String id : ids) {
			Map<String, Object> state = states.get(id);
			if (state == null) {
				parts.add(Map.of("id", id, "missing", true));
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> properties = (Map<String, Object>) state.get("properties");
			parts.add(part(operation, id, detail, properties, state));
		}
		return CanonicalJson.sha256(CanonicalJson.write(parts));
	}

	private static Map<String, Object> part(AuditOperation operation, String id, String detail,
			Map<String, Object> properties, Map<String, Object> state) {
		Map<String, Object> part = new TreeMap<>();
		part.put("id", id);
		switch (operation) {
			case INGEST -> {
				Map<String, Object> facts = new TreeMap<>(properties);
				facts.keySet().removeAll(MUTABLE);
				part.put("properties", facts);
				part.put("edges", state.get("edges"));
			}
			case REVIEW -> {
				part.put("reviews", state.get("reviews"));
				part.put("reviewState", properties.get("reviewState"));
				part.put("reviewedAt", properties.get("reviewedAt"));
			}
			case MARK_ROLLED_BACK -> {
				part.put("status", properties.get("status"));
				part.put("rolledBackAt", properties.get("rolledBackAt"));
				part.put("rolledBackBy", properties.get("rolledBackBy"));
				part.put("rollbackReason", properties.get("rollbackReason"));
			}
			case OPENLINEAGE -> {
				// What events map to grows with later events (a dataset gains inputs, a
				// run moves on), so only the node's kind is this event's own; the events
				// themselves are kept, and named by the payload digest.
				part.put("kind", properties.get("kind"));
			}
			case QUARANTINE, RELEASE -> {
				List<?> history = (List<?>) properties.getOrDefault("quarantineHistory", List.of());
				int index = Integer.parseInt(detail);
				part.put("entry", (index < history.size()) ? history.get(index) : null);
			}
		}
		return part;
	}

}
