package dev.provenant.impact;

import java.util.List;

import dev.provenant.graph.ProvenanceNode;

/**
 * What a node feeds, down to decisions and actions, as the impact view draws it: some
 * nodes one by one, the rest in groups, and counted edges between them.
 */
record ImpactGraph(ProvenanceNode root, List<ProvenanceNode> nodes, List<ImpactGroup> groups, List<ImpactEdge> edges,
		int decisionCount, int actionCount) {

}
