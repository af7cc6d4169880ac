package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.graph.ProvenanceNode;

/**
 * What a node touched. Decisions and actions are kept as ids with times, newest first;
 * their full records are loaded a page at a time when a client asks for them.
 */
public record BlastRadius(ProvenanceNode root, List<AffectedDecision> affectedDecisions,
		List<AffectedAction> affectedActions, List<KindCount> affected, OffsetDateTime asOf) {

	public int decisionCount() {
		return this.affectedDecisions.size();
	}

	public int actionCount() {
		return this.affectedActions.size();
	}

}
