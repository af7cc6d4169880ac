package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.graph.ProvenanceNode;

/**
 * What a node touched. Decisions and actions are kept as ids with times, newest first;
 * their full records are loaded a page at a time when a client asks for them.
 *
 * @param auditSequence the audit sequence the answer reflects when it came from the
 * dependency index (the same question at the same sequence has the same answer), -1 when
 * it came from Cypher
 */
public record BlastRadius(ProvenanceNode root, List<AffectedDecision> affectedDecisions,
		List<AffectedAction> affectedActions, List<KindCount> affected, OffsetDateTime asOf, long auditSequence) {

	public int decisionCount() {
		return this.affectedDecisions.size();
	}

	public int actionCount() {
		return this.affectedActions.size();
	}

}
