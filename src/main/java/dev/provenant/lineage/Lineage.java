package dev.provenant.lineage;

import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;

/** The answer to a lineage question; nodes are ordered by hop distance, then id. */
public record Lineage(ProvenanceNode root, List<ProvenanceNode> nodes, List<Edge> edges, List<Hop> hops,
		boolean truncated) {

	/**
	 * A stored edge, from the dependent to what it depends on.
	 *
	 * @param approval for an approver edge, how it was given: {@code VERIFIED} (through
	 * review) or {@code ATTESTED} (sent with the decision); {@code null} otherwise
	 * @param attestedBy the principal that attested an approval, if one did
	 */
	public record Edge(String from, String to, EdgeType type, String approval, String attestedBy) {

		public Edge(String from, String to, EdgeType type) {
			this(from, to, type, null, null);
		}

	}

	public record Hop(String id, int distance) {
	}

}
