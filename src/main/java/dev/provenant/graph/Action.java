package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record Action(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		OffsetDateTime occurredAt, String type, String target, boolean reversible, ActionStatus status,
		RollbackRecord rollback) implements ProvenanceNode {

	@Override
	public boolean quarantined() {
		return false;
	}

	@Override
	public NodeKind kind() {
		return NodeKind.ACTION;
	}

	/** Who rolled the action back, when and why. */
	public record RollbackRecord(OffsetDateTime at, String by, String reason) {
	}

}
