package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

/** A pipeline job as OpenLineage names it: a namespace and a name. */
public record Job(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		String namespace) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.JOB;
	}

	/** Jobs are not inputs of decisions, so they are never quarantined themselves. */
	@Override
	public boolean quarantined() {
		return false;
	}

}
