package dev.provenant.node;

import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;

/** What one node depends on, by edge type. */
public record OutgoingEdges(List<Neighbour> neighbours) {

	static final OutgoingEdges NONE = new OutgoingEdges(List.of());

	@SuppressWarnings("unchecked")
	<T extends ProvenanceNode> List<T> of(EdgeType type) {
		return (List<T>) this.neighbours.stream().filter(n -> n.type() == type).map(Neighbour::node).toList();
	}

	/** The neighbours through {@code type} that are of {@code kind}. */
	<T extends ProvenanceNode> List<T> of(EdgeType type, NodeKind kind) {
		return Neighbour.of(this.neighbours, type, kind);
	}

	<T extends ProvenanceNode> T single(EdgeType type) {
		List<T> nodes = of(type);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

}
