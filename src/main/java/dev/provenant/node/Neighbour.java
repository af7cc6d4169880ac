package dev.provenant.node;

import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;

/** A node at the other end of an edge, with the edge's type. */
public record Neighbour(EdgeType type, ProvenanceNode node) {

	/**
	 * The nodes among {@code neighbours} reached through {@code type} that are of
	 * {@code kind}.
	 */
	@SuppressWarnings("unchecked")
	static <T extends ProvenanceNode> List<T> of(List<Neighbour> neighbours, EdgeType type, NodeKind kind) {
		return (List<T>) neighbours.stream()
			.filter(n -> n.type() == type && n.node().kind() == kind)
			.map(Neighbour::node)
			.toList();
	}

}
