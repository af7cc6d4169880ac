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

	/**
	 * Who rolled the action back (the principal), when and why, and the optional note
	 * given with it.
	 */
	public record RollbackRecord(OffsetDateTime at, String actor, String reason, String note) {

		/** The name this field had before it was called actor. */
		public String by() {
			return this.actor;
		}

	}

}
