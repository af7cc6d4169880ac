package dev.provenant.impact;

import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Route;

/**
 * Nodes drawn as one: decisions of one model version and route, actions of one such
 * group's decisions with one reversibility and status, or nodes of one kind beyond those
 * drawn one by one. {@code expanded} members were taken out to be drawn one by one.
 */
record ImpactGroup(String id, NodeKind kind, int count, int expanded, String modelVersion, Route route,
		Boolean reversible, ActionStatus status) {

}
