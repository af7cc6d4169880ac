package dev.provenant.search;

import dev.provenant.graph.ProvenanceNode;

/** One node a search found, and why. */
public record SearchHit(ProvenanceNode node, SearchMatch match) {
}
