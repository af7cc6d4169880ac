package dev.provenant.impact;

import java.util.List;
import java.util.Map;

import dev.provenant.graph.NodeKind;

/**
 * What a traversal found downstream of a root, before ordering: counts by kind of the
 * nodes on the way to decisions (the root left out unless it is a decision), the
 * decisions inside the window, and the actions downstream of those.
 */
record Reach(Map<NodeKind, Integer> counts, List<AffectedDecision> decisions, List<AffectedAction> actions) {
}
