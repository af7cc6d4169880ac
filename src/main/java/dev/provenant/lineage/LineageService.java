package dev.provenant.lineage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.graph.Direction;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Utc;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Answers lineage in one query: Neo4j returns the distinct nodes within the depth, each
 * with its hop distance and its edges in the asked direction, nearest first and at most
 * {@code provenant.api.max-lineage-nodes} of them. A larger answer is cut there and says
 * it was truncated: a lineage over a hub can reach most of the graph, and one request
 * must not carry it all across the wire.
 */
@Service
public class LineageService {

	static final int MAX_DEPTH = 50;

	private final GraphStore store;

	private final int maxNodes;

	public LineageService(GraphStore store, ApiProperties api) {
		this.store = store;
		this.maxNodes = api.maxLineageNodes();
	}

	public Lineage lineage(String id, Direction direction, int depth, OffsetDateTime asOf) {
		if (depth < 1 || depth > MAX_DEPTH) {
			throw new InvalidArgument("depth", "depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
		}
		String query = (direction == Direction.UPSTREAM) ? "lineage/upstream" : "lineage/downstream";
		// In hop order, then id, as the query returns them.
		Map<String, ProvenanceNode> nodes = new LinkedHashMap<>();
		List<Lineage.Hop> hops = new ArrayList<>();
		Set<Lineage.Edge> edges = new LinkedHashSet<>();
		this.store.read(tx -> {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("id", id);
			parameters.put("asOf", Utc.asOf(asOf));
			// One more than kept: its presence says the answer was cut.
			parameters.put("limit", this.maxNodes + 1);
			this.store.run(tx, query, Map.of("depth", depth), parameters).forEachRemaining(row -> {
				ProvenanceNode node = NodeMapping.toNode(row.get("node"), asOf);
				nodes.put(node.id(), node);
				hops.add(new Lineage.Hop(node.id(), row.get("distance").asInt()));
				for (Value edge : row.get("edges").values()) {
					edges.add(new Lineage.Edge(edge.get("from").asString(), edge.get("to").asString(),
							EdgeType.valueOf(edge.get("type").asString()), edge.get("approval").asString(null),
							edge.get("attestedBy").asString(null)));
				}
			});
			return null;
		});
		ProvenanceNode root = nodes.get(id);
		if (root == null || (asOf != null && root.recordedAt().isAfter(asOf))) {
			throw new NodeNotFound(id, "node");
		}
		boolean cut = nodes.size() > this.maxNodes;
		if (cut) {
			nodes.remove(hops.remove(hops.size() - 1).id());
		}
		return assemble(root, direction, nodes, hops, edges, cut);
	}

	private static Lineage assemble(ProvenanceNode root, Direction direction, Map<String, ProvenanceNode> nodes,
			List<Lineage.Hop> hops, Set<Lineage.Edge> edges, boolean cut) {
		List<Lineage.Edge> inside = new ArrayList<>();
		boolean truncated = cut;
		for (Lineage.Edge edge : edges) {
			String near = (direction == Direction.UPSTREAM) ? edge.from() : edge.to();
			String far = (direction == Direction.UPSTREAM) ? edge.to() : edge.from();
			// The near end is outside only for the row read past the limit.
			if (nodes.containsKey(near) && nodes.containsKey(far)) {
				inside.add(edge);
			}
			else {
				// Uncut, the returned set is closed within the depth, so a neighbour
				// outside it lies one hop beyond.
				truncated = true;
			}
		}
		inside.sort(Comparator.comparing(Lineage.Edge::from)
			.thenComparing(Lineage.Edge::to)
			.thenComparing(Lineage.Edge::type));
		return new Lineage(root, List.copyOf(nodes.values()), List.copyOf(inside), List.copyOf(hops), truncated);
	}

}
