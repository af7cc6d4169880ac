package dev.provenant.node;

import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.ProvenanceNode;

/**
 * What depends on one node through the edge types the schema exposes inversely (EXECUTES,
 * TRIGGERED_BY).
 */
public record IncomingEdges(List<Neighbour> neighbours) {

	static final IncomingEdges NONE = new IncomingEdges(List.of());

	static final List<String> TYPES = List.of(EdgeType.EXECUTES.name(), EdgeType.TRIGGERED_BY.name());

	@SuppressWarnings("unchecked")
	<T extends ProvenanceNode> List<T> of(EdgeType type) {
		return (List<T>) this.neighbours.stream().filter(n -> n.type() == type).map(Neighbour::node).toList();
	}

}
