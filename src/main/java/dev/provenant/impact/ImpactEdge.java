package dev.provenant.impact;

import dev.provenant.graph.EdgeType;

/** Stored edges of one type between two drawn things (nodes or groups), counted. */
record ImpactEdge(String from, String to, EdgeType type, int count) {

}
