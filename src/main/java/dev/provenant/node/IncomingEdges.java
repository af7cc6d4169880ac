package dev.provenant.node;

import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;

/**
 * What depends on one node through the edge types the schema exposes inversely (EXECUTES,
 * TRIGGERED_BY; for pipelines GENERATED_BY, RUN_OF and PART_OF).
 */
public record IncomingEdges(List<Neighbour> neighbours) {

	static final IncomingEdges NONE = new IncomingEdges(List.of());

	static final List<String> TYPES = List.of(EdgeType.EXECUTES.name(), EdgeType.TRIGGERED_BY.name(),
			EdgeType.GENERATED_BY.name(), EdgeType.RUN_OF.name(), EdgeType.PART_OF.name());

	@SuppressWarnings("unchecked")
	<T extends ProvenanceNode> List<T> of(EdgeType type) {
		return (List<T>) this.neighbours.stream().filter(n -> n.type() == type).map(Neighbour::node).toList();
	}

	/** The neighbours through {@code type} that are of {@code kind}. */
	<T extends ProvenanceNode> List<T> of(EdgeType type, NodeKind kind) {
		return Neighbour.of(this.neighbours, type, kind);
	}

}
