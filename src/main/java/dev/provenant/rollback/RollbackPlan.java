package dev.provenant.rollback;

import java.util.List;

import dev.provenant.graph.ProvenanceNode;

/**
 * @param orderedSteps the steps in plan order; a view that makes a step when it is read
 * @param actionIds their actions' ids, in the same order
 */
public record RollbackPlan(ProvenanceNode root, List<RollbackStep> orderedSteps, List<String> actionIds) {

	public int stepCount() {
		return this.orderedSteps.size();
	}

}
