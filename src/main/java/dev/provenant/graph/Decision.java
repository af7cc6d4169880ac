package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A recorded decision, with what governance found when it was recorded: the reasons a
 * review was (or would have been) required, whether going out alone broke policy, and
 * where its review stands.
 */
public record Decision(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		OffsetDateTime occurredAt, String subject, String outcome, Double confidence, Route route, Double dataQuality,
		Double riskScore, ReviewState reviewState, OffsetDateTime reviewDeadline, List<String> requiredRoles,
		List<Reason> escalationReasons, boolean policyViolation) implements ProvenanceNode {

	@Override
	public boolean quarantined() {
		return false;
	}

	@Override
	public NodeKind kind() {
		return NodeKind.DECISION;
	}

}
