package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of a governance policy. Thresholds that are {@code null} are not
 * checked; an empty {@code approverRoles} lets any approver review. With
 * {@code requireVerifiedReview}, approvals must be given through {@code review}: one sent
 * with the decision (attested by its writer) is a policy violation.
 */
public record Policy(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		boolean quarantined, Double minConfidence, Double minDataQuality, Double maxRiskScore,
		List<String> approverRoles, String reviewSla, boolean escalateOnQuarantinedInput,
		boolean requireVerifiedReview) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.POLICY;
	}

}
