package dev.provenant.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;
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
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	/**
	 * The nodes with these ids, keyed by id in the order asked; unknown ids are absent.
	 */
	public Map<String, ProvenanceNode> findAll(Collection<String> ids) {
		return this.store.read(tx -> findAll(tx, ids));
	}

	/**
	 * The same lookup inside a caller's transaction, so that it sees what the caller saw.
	 */
	public Map<String, ProvenanceNode> findAll(TransactionContext tx, Collection<String> ids) {
		Map<String, ProvenanceNode> found = new HashMap<>();
		this.store.run(tx, "node/find_by_ids", Map.of("ids", List.copyOf(ids))).forEachRemaining(row -> {
			ProvenanceNode node = NodeMapping.toNode(row.get("n"));
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

	Map<String, OutgoingEdges> outgoing(Collection<String> ids) {
		Map<String, List<Neighbour>> byId = neighbours("node/outgoing_edges", "target",
				Map.of("ids", List.copyOf(ids)));
		Map<String, OutgoingEdges> result = new HashMap<>();
		byId.forEach((id, list) -> result.put(id, new OutgoingEdges(list)));
		return result;
	}

	Map<String, IncomingEdges> incoming(Collection<String> ids) {
		Map<String, List<Neighbour>> byId = neighbours("node/incoming_edges", "source",
				Map.of("ids", List.copyOf(ids), "types", IncomingEdges.TYPES));
		Map<String, IncomingEdges> result = new HashMap<>();
		byId.forEach((id, list) -> result.put(id, new IncomingEdges(list)));
		return result;
	}

	private Map<String, List<Neighbour>> neighbours(String query, String column, Map<String, Object> parameters) {
		return this.store.read(tx -> {
			Map<String, List<Neighbour>> byId = new HashMap<>();
			this.store.run(tx, query, parameters)
				.forEachRemaining(row -> byId.computeIfAbsent(row.get("id").asString(), key -> new ArrayList<>())
					.add(new Neighbour(EdgeType.valueOf(row.get("type").asString()),
							NodeMapping.toNode(row.get(column)))));
			return byId;
		});
	}

}
