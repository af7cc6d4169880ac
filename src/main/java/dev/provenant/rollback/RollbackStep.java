package dev.provenant.rollback;

import dev.provenant.impact.AffectedAction;

/** One step of a plan: its 1-based position and the action to revert. */
public record RollbackStep(int position, AffectedAction step) {

	public boolean reversible() {
		return this.step.reversible();
	}

}
