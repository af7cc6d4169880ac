package dev.provenant.lineage;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Answers lineage in one query: Neo4j returns the distinct nodes within the depth and
 * their edges in the asked direction, and hop distances are computed here by
 * breadth-first search over those edges (every shortest path of length at most the depth
 * runs through returned nodes only, so the distances are exact).
 */
@Service
public class LineageService {

	static final int MAX_DEPTH = 50;

	private final GraphStore store;

	public LineageService(GraphStore store) {
		this.store = store;
	}

	public Lineage lineage(String id, Direction direction, int depth, OffsetDateTime asOf) {
		if (depth < 1 || depth > MAX_DEPTH) {
			throw new InvalidArgument("depth", "depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
		}
		String query = (direction == Direction.UPSTREAM) ? "lineage/upstream" : "lineage/downstream";
		Map<String, ProvenanceNode> nodes = new HashMap<>();
		Set<Lineage.Edge> edges = new LinkedHashSet<>();
		this.store.read(tx -> {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("id", id);
			parameters.put("asOf", Utc.asOf(asOf));
			this.store.run(tx, query, Map.of("depth", depth), parameters).forEachRemaining(row -> {
				ProvenanceNode node = NodeMapping.toNode(row.get("node"), asOf);
				nodes.put(node.id(), node);
				for (Value edge : row.get("edges").values()) {
					edges.add(new Lineage.Edge(edge.get("from").asString(), edge.get("to").asString(),
							EdgeType.valueOf(edge.get("type").asString())));
				}
			});
			return null;
		});
		ProvenanceNode root = nodes.get(id);
		if (root == null || (asOf != null && root.recordedAt().isAfter(asOf))) {
			throw new NodeNotFound(id, "node");
		}
		return assemble(root, direction, nodes, edges);
	}

	private static Lineage assemble(ProvenanceNode root, Direction direction, Map<String, ProvenanceNode> nodes,
			Set<Lineage.Edge> edges) {
		Map<String, List<String>> next = new HashMap<>();
		List<Lineage.Edge> inside = new ArrayList<>();
		boolean truncated = false;
		for (Lineage.Edge edge : edges) {
			String near = (direction == Direction.UPSTREAM) ? edge.from() : edge.to();
			String far = (direction == Direction.UPSTREAM) ? edge.to() : edge.from();
			if (nodes.containsKey(far)) {
				inside.add(edge);
				next.computeIfAbsent(near, key -> new ArrayList<>()).add(far);
			}
			else {
				// The returned set is closed within the depth, so a neighbour outside it
				// lies one hop beyond.
				truncated = true;
			}
		}
		Map<String, Integer> distance = distances(root.id(), next);
		Comparator<ProvenanceNode> order = Comparator.<ProvenanceNode>comparingInt(n -> distance.get(n.id()))
			.thenComparing(ProvenanceNode::id);
		List<ProvenanceNode> ordered = nodes.values().stream().sorted(order).toList();
		List<Lineage.Hop> hops = ordered.stream().map(n -> new Lineage.Hop(n.id(), distance.get(n.id()))).toList();
		inside.sort(Comparator.comparing(Lineage.Edge::from)
			.thenComparing(Lineage.Edge::to)
			.thenComparing(Lineage.Edge::type));
		return new Lineage(root, ordered, List.copyOf(inside), hops, truncated);
	}

	private static Map<String, Integer> distances(String root, Map<String, List<String>> next) {
		Map<String, Integer> distance = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		distance.put(root, 0);
		queue.add(root);
		while (!queue.isEmpty()) {
			String current = queue.poll();
			for (String neighbour : next.getOrDefault(current, List.of())) {
				if (!distance.containsKey(neighbour)) {
					distance.put(neighbour, distance.get(current) + 1);
					queue.add(neighbour);
				}
			}
		}
		return distance;
	}

}
