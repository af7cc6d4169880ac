package dev.provenant.impact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.provenant.api.AnswerLimit;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Route;
import dev.provenant.graph.Utc;
import dev.provenant.memory.Footprint;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Builds the impact view's graph in one traversal: Neo4j streams every node within the
 * depth as a small row (id, kind, what groups it, its edges); the grouping and the
 * counting of edges happen here, and only the nodes drawn one by one are loaded in full,
 * in one more query. A page thus draws tens of things for a blast radius of 50,000.
 */
@Service
class ImpactGraphService {

	static final int MAX_DEPTH = 50;

	/** Nodes other than decisions and actions drawn one by one, the nearest first. */
	static final int MAX_DRAWN = 300;

	/** Members an expanded group shows one by one, the newest first. */
	static final int EXPANDED = 50;

	/** Checks the answer's weight once per this many rows, and once at the end. */
	private static final int CHECK_EVERY = 4096;

	private static final Comparator<Reached> NEWEST_FIRST = Comparator
		.comparing(Reached::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(Reached::id);

	private final GraphStore store;

	private final NodeReader nodes;

	private final AnswerLimit limit;

	ImpactGraphService(GraphStore store, NodeReader nodes, AnswerLimit limit) {
		this.store = store;
		this.nodes = nodes;
		this.limit = limit;
	}

	/** One node within the depth, as the traversal returns it. */
	private record Reached(String id, NodeKind kind, int distance, Instant occurredAt, Route route, String modelVersion,
			String decision, boolean reversible, ActionStatus status, List<Map.Entry<EdgeType, String>> edges) {

		static Reached of(Record row) {
			List<Map.Entry<EdgeType, String>> edges = new ArrayList<>();
			for (Value edge : row.get("edges").values()) {
				edges.add(Map.entry(EdgeType.valueOf(edge.get("type").asString()), edge.get("to").asString()));
			}
			Value occurredAt = row.get("occurredAt");
			String route = row.get("route").asString(null);
			String status = row.get("status").asString(null);
			return new Reached(row.get("id").asString(), NodeKind.valueOf(row.get("kind").asString()),
					row.get("distance").asInt(), occurredAt.isNull() ? null : occurredAt.asOffsetDateTime().toInstant(),
					(route != null) ? Route.valueOf(route) : null, target(edges, EdgeType.MADE_BY),
					target(edges, EdgeType.EXECUTES), row.get("reversible").asBoolean(true),
					(status != null) ? ActionStatus.valueOf(status) : null, List.copyOf(edges));
		}

		/**
		 * A decision's model version (MADE_BY), an action's decision (EXECUTES): one each
		 * at most.
		 */
		private static String target(List<Map.Entry<EdgeType, String>> edges, EdgeType type) {
			return edges.stream()
				.filter(edge -> edge.getKey() == type)
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

		long bytes() {
			return Footprint.object(64) + Footprint.string(this.id) + Footprint.list(this.edges.size())
					+ this.edges.size() * Footprint.object(2 * Footprint.REFERENCE);
		}

	}

	ImpactGraph impactGraph(String id, int depth, TimeWindow window, OffsetDateTime asOf, List<String> expand) {
		if (depth < 1 || depth > MAX_DEPTH) {
			throw new InvalidArgument("depth", "depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
		}
		Map<String, Reached> reached = reach(id, depth, asOf);
		Map<String, Reached> kept = inWindow(reached, window);
		Grouping grouping = new Grouping(id, kept, Set.copyOf(expand));
		Map<String, ProvenanceNode> drawn = this.nodes.findAll(grouping.drawn(), asOf);
		ProvenanceNode root = drawn.get(id);
		if (root == null) {
			throw new NodeNotFound(id, "node");
		}
		int decisions = (int) kept.values().stream().filter(node -> node.kind() == NodeKind.DECISION).count();
		int actions = (int) kept.values().stream().filter(node -> node.kind() == NodeKind.ACTION).count();
		return new ImpactGraph(root, List.copyOf(drawn.values()), grouping.groups(), grouping.edges(kept), decisions,
				actions);
	}

	private Map<String, Reached> reach(String id, int depth, OffsetDateTime asOf) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("asOf", Utc.asOf(asOf));
		Map<String, Reached> reached = new HashMap<>();
		String question = "The impact graph of '" + id + "'";
		long[] bytes = { 0 };
		this.store.read(tx -> {
			this.store.run(tx, "impact/impact_graph", Map.of("depth", depth), parameters).forEachRemaining(row -> {
				Reached node = Reached.of(row);
				reached.put(node.id(), node);
				bytes[0] += node.bytes();
				if (reached.size() % CHECK_EVERY == 0) {
					this.limit.check(question, reached.size(), bytes[0]);
				}
			});
			return null;
		});
		this.limit.check(question, reached.size(), bytes[0]);
		return reached;
	}

	/**
	 * Decisions outside the window are left out, and so are the actions executing them,
	 * as the blast radius counts them.
	 */
	private static Map<String, Reached> inWindow(Map<String, Reached> reached, TimeWindow window) {
		Set<String> outside = new HashSet<>();
		reached.values().forEach(node -> {
			if (node.kind() == NodeKind.DECISION && node.occurredAt() != null && !window.contains(node.occurredAt())) {
				outside.add(node.id());
			}
		});
		Map<String, Reached> kept = new HashMap<>();
		reached.forEach((id, node) -> {
			boolean executesOutside = node.kind() == NodeKind.ACTION && outside.contains(node.decision());
			if (!outside.contains(id) && !executesOutside) {
				kept.put(id, node);
			}
		});
		return kept;
	}

	/** Which drawn thing (the node itself or its group) stands for each node. */
	private static final class Grouping {

		private final Map<String, String> unitOf = new HashMap<>();

		private final Map<String, ImpactGroup> groups = new TreeMap<>();

		private final List<String> drawn = new ArrayList<>();

		Grouping(String rootId, Map<String, Reached> kept, Set<String> expand) {
			Map<String, List<Reached>> members = new LinkedHashMap<>();
			List<Reached> others = new ArrayList<>();
			this.drawn.add(rootId);
			this.unitOf.put(rootId, rootId);
			kept.values().stream().filter(node -> !node.id().equals(rootId)).forEach(node -> {
				switch (node.kind()) {
					case DECISION -> members.computeIfAbsent(decisionGroup(node), key -> new ArrayList<>()).add(node);
					case ACTION -> members.computeIfAbsent(actionGroup(node, kept), key -> new ArrayList<>()).add(node);
					default -> others.add(node);
				}
			});
			others.sort(Comparator.comparingInt(Reached::distance).thenComparing(Reached::id));
			for (int i = 0; i < others.size(); i++) {
				Reached node = others.get(i);
				if (i < MAX_DRAWN) {
					this.drawn.add(node.id());
					this.unitOf.put(node.id(), node.id());
				}
				else {
					members.computeIfAbsent("group:" + node.kind(), key -> new ArrayList<>()).add(node);
				}
			}
			members.forEach((groupId, group) -> group(groupId, group, kept, expand.contains(groupId)));
		}

		private void group(String groupId, List<Reached> members, Map<String, Reached> kept, boolean expanded) {
			members.sort(NEWEST_FIRST);
			int open = expanded ? Math.min(EXPANDED, members.size()) : 0;
			for (int i = 0; i < members.size(); i++) {
				String id = members.get(i).id();
				if (i < open) {
					this.drawn.add(id);
				}
				this.unitOf.put(id, (i < open) ? id : groupId);
			}
			if (open < members.size()) {
				this.groups.put(groupId, describe(groupId, members.get(0), members.size() - open, open, kept));
			}
		}

		private static ImpactGroup describe(String groupId, Reached first, int count, int expanded,
				Map<String, Reached> kept) {
			return switch (first.kind()) {
				case DECISION -> new ImpactGroup(groupId, NodeKind.DECISION, count, expanded, first.modelVersion(),
						first.route(), null, null);
				case ACTION -> {
					Reached decision = kept.get(first.decision());
					yield new ImpactGroup(groupId, NodeKind.ACTION, count, expanded,
							(decision != null) ? decision.modelVersion() : null,
							(decision != null) ? decision.route() : null, first.reversible(), first.status());
				}
				default -> new ImpactGroup(groupId, first.kind(), count, expanded, null, null, null, null);
			};
		}

		/** Group ids start with {@code group:} and name what their members share. */
		private static String decisionGroup(Reached decision) {
			return "group:DECISION:" + decision.route() + ":"
					+ ((decision.modelVersion() != null) ? decision.modelVersion() : "");
		}

		private static String actionGroup(Reached action, Map<String, Reached> kept) {
			Reached decision = kept.get(action.decision());
			String of = (decision != null) ? decisionGroup(decision).substring("group:DECISION:".length()) : "";
			return "group:ACTION:" + (action.reversible() ? "reversible" : "irreversible") + ":" + action.status() + ":"
					+ of;
		}

		List<String> drawn() {
			return this.drawn;
		}

		List<ImpactGroup> groups() {
			return List.copyOf(this.groups.values());
		}

		/**
		 * Every stored edge between two kept nodes, counted between what stands for them.
		 */
		List<ImpactEdge> edges(Map<String, Reached> kept) {
			record Key(String from, String to, EdgeType type) {
			}
			Map<Key, Integer> counts = new HashMap<>();
			kept.values().forEach(node -> {
				String from = this.unitOf.get(node.id());
				node.edges().forEach(edge -> {
					String to = this.unitOf.get(edge.getValue());
					// A group's edges among its own members are not drawn.
					if (to != null && !to.equals(from)) {
						counts.merge(new Key(from, to, edge.getKey()), 1, Integer::sum);
					}
				});
			});
			return counts.entrySet()
				.stream()
				.map(entry -> new ImpactEdge(entry.getKey().from(), entry.getKey().to(), entry.getKey().type(),
						entry.getValue()))
				.sorted(Comparator.comparing(ImpactEdge::from)
					.thenComparing(ImpactEdge::to)
					.thenComparing(ImpactEdge::type))
				.toList();
		}

	}

}
