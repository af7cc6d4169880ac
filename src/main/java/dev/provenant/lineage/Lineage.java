package dev.provenant.lineage;

import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;

/** The answer to a lineage question; nodes are ordered by hop distance, then id. */
public record Lineage(ProvenanceNode root, List<ProvenanceNode> nodes, List<Edge> edges, List<Hop> hops,
		boolean truncated) {

	/** A stored edge, from the dependent to what it depends on. */
	public record Edge(String from, String to, EdgeType type) {
	}

	public record Hop(String id, int distance) {
	}

}
