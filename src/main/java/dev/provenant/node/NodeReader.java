package dev.provenant.node;

import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Utc;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

/** Looks nodes and their neighbours up by id, always one query for a whole set of ids. */
@Component
public class NodeReader {

	private final GraphStore store;

	public NodeReader(GraphStore store) {
		this.store = store;
	}

	public Optional<ProvenanceNode> find(String id) {
		return find(id, null);
	}

	/**
	 * The node as it stood at {@code asOf}; empty when it had not been recorded by then.
	 */
	public Optional<ProvenanceNode> find(String id, OffsetDateTime asOf) {
		return Optional.ofNullable(this.store.read(tx -> findAll(tx, List.of(id), asOf)).get(id));
	}

	/**
	 * The nodes with these ids, keyed by id in the order asked; unknown ids are absent.
	 */
	public Map<String, ProvenanceNode> findAll(Collection<String> ids) {
		return findAll(ids, null);
	}

	public Map<String, ProvenanceNode> findAll(Collection<String> ids, OffsetDateTime asOf) {
		return this.store.read(tx -> findAll(tx, ids, asOf));
	}

	/**
	 * The same lookup inside a caller's transaction, so that it sees what the caller saw.
	 */
	public Map<String, ProvenanceNode> findAll(TransactionContext tx, Collection<String> ids) {
		return findAll(tx, ids, null);
	}

	/**
	 * Nodes as they stood at {@code asOf} (now when {@code null}); those recorded later
	 * are absent.
	 */
	public Map<String, ProvenanceNode> findAll(TransactionContext tx, Collection<String> ids, OffsetDateTime asOf) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, ProvenanceNode> found = new HashMap<>();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", List.copyOf(ids));
		parameters.put("asOf", Utc.of(asOf));
		this.store.run(tx, "node/find_by_ids", parameters).forEachRemaining(row -> {
			ProvenanceNode node = NodeMapping.toNode(row.get("n"), asOf);
			found.put(node.id(), node);
		});
		Map<String, ProvenanceNode> ordered = new LinkedHashMap<>();
		ids.forEach(id -> {
			if (found.containsKey(id)) {
				ordered.put(id, found.get(id));
			}
		});
		return ordered;
	}

	Map<NodeAt, OutgoingEdges> outgoing(Collection<NodeAt> refs) {
		Map<NodeAt, OutgoingEdges> result = new HashMap<>();
		neighbours("node/outgoing_edges", "target", List.copyOf(refs), Map.of())
			.forEach((ref, list) -> result.put(ref, new OutgoingEdges(list)));
		return result;
	}

	Map<NodeAt, IncomingEdges> incoming(Collection<NodeAt> refs) {
		Map<NodeAt, IncomingEdges> result = new HashMap<>();
		neighbours("node/incoming_edges", "source", List.copyOf(refs), Map.of("types", IncomingEdges.TYPES))
			.forEach((ref, list) -> result.put(ref, new IncomingEdges(list)));
		return result;
	}

	private Map<NodeAt, List<Neighbour>> neighbours(String query, String column, List<NodeAt> refs,
			Map<String, Object> extra) {
		Map<String, Object> parameters = new HashMap<>(extra);
		parameters.put("refs", NodeAt.parameters(refs));
		return this.store.read(tx -> {
			Map<NodeAt, List<Neighbour>> byRef = new HashMap<>();
			this.store.run(tx, query, parameters).forEachRemaining(row -> {
				NodeAt ref = refs.get(row.get("key").asInt());
				byRef.computeIfAbsent(ref, key -> new ArrayList<>())
					.add(new Neighbour(EdgeType.valueOf(row.get("type").asString()),
							NodeMapping.toNode(row.get(column), ref.asOf())));
			});
			return byRef;
		});
	}

}
