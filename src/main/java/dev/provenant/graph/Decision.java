package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record Decision(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		OffsetDateTime occurredAt, String subject, String outcome, Double confidence,
		Route route) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.DECISION;
	}

}
