package dev.provenant.rollback;

import java.util.List;

import dev.provenant.graph.ProvenanceNode;

public record RollbackPlan(ProvenanceNode root, List<RollbackStep> orderedSteps) {

	public int stepCount() {
		return this.orderedSteps.size();
	}

}
