package dev.provenant.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.dependency.IndexedGraph;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;

/**
 * The blast radius' closures over the in-memory dependency index: the same rules as
 * {@code impact/downstream_decisions.cypher} and
 * {@code impact/downstream_actions.cypher}, which answer when the index is not available
 * or the question is about the past.
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

	/** Null when the index does not hold the root (the caller then asks Cypher). */
	static Reach of(IndexedGraph graph, String rootId, TimeWindow window) {
		int root = graph.find(rootId);
		if (root < 0) {
			return null;
		}
		int[] counts = new int[NodeKind.values().length];
		List<AffectedDecision> decisions = new ArrayList<>();
		int[] seeds;
		if (graph.kind(root) == NodeKind.ACTION) {
			seeds = new int[] { root };
		}
		else {
			int[] downstream = graph.reachAgainst(new int[] { root }, TOWARDS_DECISIONS);
			int[] windowed = new int[downstream.length];
			int kept = 0;
			for (int node : downstream) {
				NodeKind kind = graph.kind(node);
				if (node != root || kind == NodeKind.DECISION) {
					counts[kind.ordinal()]++;
				}
				if (kind != NodeKind.DECISION) {
					continue;
				}
				Instant occurredAt = graph.occurredAt(node);
				if (window.contains(occurredAt)) {
					windowed[kept++] = node;
					decisions.add(new AffectedDecision(graph.id(node), occurredAt,
							(graph.reviewState(node) != null) ? graph.reviewState(node).name() : null));
				}
			}
			seeds = Arrays.copyOf(windowed, kept);
		}
		List<AffectedAction> actions = new ArrayList<>();
		for (int node : graph.reachAgainst(seeds, TOWARDS_ACTIONS)) {
			if (graph.kind(node) == NodeKind.ACTION) {
				actions.add(action(graph, node));
			}
		}
		Map<NodeKind, Integer> byKind = new EnumMap<>(NodeKind.class);
		for (NodeKind kind : NodeKind.values()) {
			if (counts[kind.ordinal()] > 0) {
				byKind.put(kind, counts[kind.ordinal()]);
			}
		}
		return new Reach(byKind, decisions, actions);
	}

	private static AffectedAction action(IndexedGraph graph, int node) {
		int[] triggers = graph.targets(node, EdgeType.TRIGGERED_BY);
		List<String> triggeredBy = new ArrayList<>(triggers.length);
		for (int trigger : triggers) {
			triggeredBy.add(graph.id(trigger));
		}
		return new AffectedAction(graph.id(node), graph.occurredAt(node),
				graph.rolledBack(node) ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED, graph.reversible(node),
				triggeredBy);
	}

}
