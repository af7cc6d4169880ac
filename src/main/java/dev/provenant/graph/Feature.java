package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record Feature(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		boolean quarantined) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.FEATURE;
	}

}
