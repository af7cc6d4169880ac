package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record Approver(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		String role) implements ProvenanceNode {

	@Override
	public boolean quarantined() {
		return false;
	}

	@Override
	public NodeKind kind() {
		return NodeKind.APPROVER;
	}

}
