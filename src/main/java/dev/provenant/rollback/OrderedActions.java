package dev.provenant.rollback;

import java.time.OffsetDateTime;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import dev.provenant.impact.ActionPositions;
import dev.provenant.impact.AnswerFootprint;
import dev.provenant.memory.Footprint;

/**
 * A plan's order over a blast radius' actions: the positions, in plan order, and views of
 * them as steps and as ids. A step or an id is made when a client reads it, so a plan
 * kept for paging weighs an int per step on top of the actions.
 */
final class OrderedActions {

	private final ActionPositions actions;

	private final int[] order;

	private final OffsetDateTime asOf;

	OrderedActions(ActionPositions actions, int[] order, OffsetDateTime asOf) {
		this.actions = actions;
		this.order = order;
		this.asOf = asOf;
	}

	List<RollbackStep> steps() {
		return new View<>() {

			@Override
			public RollbackStep get(int index) {
				return new RollbackStep(index + 1, OrderedActions.this.actions.actions().get(action(index)),
						OrderedActions.this.asOf);
			}

		};
	}

	List<String> ids() {
		return new View<>() {

			@Override
			public String get(int index) {
				return OrderedActions.this.actions.id(action(index));
			}

		};
	}

	/**
	 * The order, the positions' table and the actions, though a kept blast radius may
	 * hold the same actions: the radius may go first.
	 */
	long footprint() {
		return Footprint.bytes(4L * this.order.length) + this.actions.footprint()
				+ AnswerFootprint.ofActions(this.actions.actions());
	}

	private int action(int index) {
		return this.order[index];
	}

	private abstract class View<T> extends AbstractList<T> implements RandomAccess {

		@Override
		public int size() {
			return OrderedActions.this.order.length;
		}

	}

}
