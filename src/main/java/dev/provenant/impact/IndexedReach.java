package dev.provenant.impact;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.provenant.api.AnswerLimit;
import dev.provenant.dependency.IndexedGraph;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.memory.Footprint;

/**
 * The blast radius' closures over the in-memory dependency index: the same rules as
 * {@code impact/downstream_decisions.cypher} and
 * {@code impact/downstream_actions.cypher}, which answer when the index is not available
 * or the question is about the past. The lists are compact and already ordered.
 */
final class IndexedReach {

	/** The edges that lead from an input towards the decisions that used it. */
	static final Set<EdgeType> TOWARDS_DECISIONS = EnumSet.of(EdgeType.DERIVED_FROM, EdgeType.TRAINED_ON,
			EdgeType.USES_FEATURE, EdgeType.USED, EdgeType.READ, EdgeType.MADE_BY, EdgeType.PROMPTED_BY,
			EdgeType.GOVERNED_BY, EdgeType.APPROVED_BY, EdgeType.CONSUMED, EdgeType.GENERATED_BY, EdgeType.RUN_OF,
			EdgeType.PART_OF);

	/** The edges that lead from a decision to the actions it caused, and on. */
	static final Set<EdgeType> TOWARDS_ACTIONS = EnumSet.of(EdgeType.EXECUTES, EdgeType.TRIGGERED_BY);

	private IndexedReach() {
	}

	/**
	 * Null when the index does not hold the root (the caller then asks Cypher). The
	 * answer's weight is estimated from the closure before anything is built, and
	 * {@code limit} may refuse it.
	 */
	static Reach of(IndexedGraph graph, String rootId, TimeWindow window, AnswerLimit limit) {
		int root = graph.find(rootId);
		if (root < 0) {
			return null;
		}
		int[] counts = new int[NodeKind.values().length];
		int[] seeds;
		int[] decisions;
		if (graph.kind(root) == NodeKind.ACTION) {
			seeds = new int[] { root };
			decisions = new int[0];
		}
		else {
			int[] downstream = graph.reachAgainst(new int[] { root }, TOWARDS_DECISIONS);
			TimeWindow.Instants bounds = window.instants();
			int[] windowed = new int[downstream.length];
			int kept = 0;
			for (int node : downstream) {
				NodeKind kind = graph.kind(node);
				if (node != root || kind == NodeKind.DECISION) {
					counts[kind.ordinal()]++;
				}
				if (kind == NodeKind.DECISION
						&& bounds.contains(graph.occurredAtSecond(node), graph.occurredAtNano(node))) {
					windowed[kept++] = node;
				}
			}
			decisions = Arrays.copyOf(windowed, kept);
			seeds = decisions;
		}
		int[] actions = Arrays.stream(graph.reachAgainst(seeds, TOWARDS_ACTIONS))
			.filter(node -> graph.kind(node) == NodeKind.ACTION)
			.toArray();
		limit.check("The blast radius of '" + rootId + "'", decisions.length + actions.length,
				estimate(graph, decisions, actions));
		Map<NodeKind, Integer> byKind = new EnumMap<>(NodeKind.class);
		for (NodeKind kind : NodeKind.values()) {
			if (counts[kind.ordinal()] > 0) {
				byKind.put(kind, counts[kind.ordinal()]);
			}
		}
		return new Reach(byKind, CompactDecisions.of(graph, decisions), CompactActions.of(graph, actions));
	}

	/**
	 * What the answer will weigh, from the closure's node numbers alone: its arrays (the
	 * ids are the index's) with their order, and what sorting them in full takes besides.
	 */
	private static long estimate(IndexedGraph graph, int[] decisions, int[] actions) {
		long bytes = CompactDecisions.footprint(decisions.length) + CompactActions.footprint(actions.length);
		for (int node : actions) {
			bytes += CompactActions.triggers(graph.targetCount(node, EdgeType.TRIGGERED_BY));
		}
		return bytes + 2 * Footprint.bytes(4L * Math.max(decisions.length, actions.length));
	}

}
