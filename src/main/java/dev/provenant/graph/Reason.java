package dev.provenant.graph;

/**
 * Why a decision must go to a human.
 *
 * @param code what rule it broke
 * @param detail a sentence for the reviewer, with the values compared
 * @param nodeId the node concerned (the policy for thresholds, the quarantined node for
 * quarantine), if any
 */
public record Reason(ReasonCode code, String detail, String nodeId) {

	public enum ReasonCode {

		LOW_CONFIDENCE, LOW_DATA_QUALITY, HIGH_RISK, QUARANTINED_INPUT, NO_POLICY,
		/**
		 * Approved only by attestation under a policy that requires reviews through
		 * Provenant.
		 */
		ATTESTED_APPROVAL,
		/** Attested as approved by an approver whose role the policy does not allow. */
		UNAUTHORIZED_APPROVER

	}

}
