package dev.provenant.node;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;

/** A node at the other end of an edge, with the edge's type. */
public record Neighbour(EdgeType type, ProvenanceNode node) {
}
