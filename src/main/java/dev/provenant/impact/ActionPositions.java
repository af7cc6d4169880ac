package dev.provenant.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.ActionStatus;
import dev.provenant.memory.Footprint;

/**
 * A blast radius' actions by their position in its newest-first list, with what ordering
 * them for rollback reads: whether each is still executed and which of the others
 * triggered it. An action of the dependency index becomes an object only when a client
 * reads it, so a plan of half a million actions is ordered over arrays.
 */
public interface ActionPositions {

	/** The actions, newest first ({@link Dated#NEWEST_FIRST}). */
	List<AffectedAction> actions();

	default int size() {
		return actions().size();
	}

	String id(int position);

	boolean executed(int position);

	/**
	 * The positions of the actions that triggered the one at {@code position}; triggers
	 * outside the list are left out.
	 */
	int[] triggeredBy(int position);

	/** Bytes these positions keep beyond the actions themselves. */
	long footprint();

	/** The positions of a blast radius' actions. */
	static ActionPositions of(List<AffectedAction> actions) {
		if (actions instanceof CompactActions compact) {
			return compact.positions();
		}
		return new Listed(actions);
	}

	/**
	 * Actions read from Cypher (the past, or before the index is ready): listed newest
	 * first like every answer, sorted again only if they are not.
	 */
	final class Listed implements ActionPositions {

		private static final int[] NONE = new int[0];

		private final List<AffectedAction> actions;

		private final Map<String, Integer> positions;

		Listed(List<AffectedAction> actions) {
			this.actions = newestFirst(actions);
			this.positions = new HashMap<>(this.actions.size() * 2);
			for (int i = 0; i < this.actions.size(); i++) {
				this.positions.put(this.actions.get(i).id(), i);
			}
		}

		private static List<AffectedAction> newestFirst(List<AffectedAction> actions) {
			for (int i = 1; i < actions.size(); i++) {
				if (Dated.NEWEST_FIRST.compare(actions.get(i - 1), actions.get(i)) > 0) {
					List<AffectedAction> sorted = new ArrayList<>(actions);
					sorted.sort(Dated.NEWEST_FIRST);
					return sorted;
				}
			}
			return actions;
		}

		@Override
		public List<AffectedAction> actions() {
			return this.actions;
		}

		@Override
		public String id(int position) {
			return this.actions.get(position).id();
		}

		@Override
		public boolean executed(int position) {
			return this.actions.get(position).status() == ActionStatus.EXECUTED;
		}

		@Override
		public int[] triggeredBy(int position) {
			List<String> ids = this.actions.get(position).triggeredBy();
			if (ids.isEmpty()) {
				return NONE;
			}
			int[] found = new int[ids.size()];
			int count = 0;
			for (String id : ids) {
				Integer trigger = this.positions.get(id);
				if (trigger != null) {
					found[count++] = trigger;
				}
			}
			return (count == found.length) ? found : Arrays.copyOf(found, count);
		}

		@Override
		public long footprint() {
			// A map entry and a boxed position per action; the ids are the actions'.
			return Footprint.object(6 * Footprint.REFERENCE) + this.actions.size()
					* (Footprint.object(4 + 3 * Footprint.REFERENCE) + 2 * Footprint.REFERENCE + Footprint.object(4));
		}

	}

}
