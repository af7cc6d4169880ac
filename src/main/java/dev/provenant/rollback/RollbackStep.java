package dev.provenant.rollback;

import java.time.OffsetDateTime;

import dev.provenant.impact.AffectedAction;

/**
 * One step of a plan: its 1-based position and the action to revert, as it stood at
 * {@code asOf}.
 */
public record RollbackStep(int position, AffectedAction step, OffsetDateTime asOf) {

	public boolean reversible() {
		return this.step.reversible();
	}

}
