package dev.provenant.impact;

import java.util.List;

import dev.provenant.memory.Footprint;

/**
 * What blast radii weigh on the heap, for the cache that keeps them and for refusing one
 * too large to build. From the dependency index, the compact arrays
 * ({@link CompactDecisions}, {@link CompactActions}); from Cypher, per element (see
 * {@link Footprint}): a decision is its record (24 bytes), its Instant (24), its id
 * string and a list slot; an action is its record (32), its Instant, its id, its list of
 * triggers with their ids, and a list slot.
 */
public final class AnswerFootprint {

	/** A decision without its id. */
	static final long DECISION = Footprint.object(3 * Footprint.REFERENCE) + Footprint.INSTANT + Footprint.REFERENCE;

	/** An action without its id and its triggers' ids. */
	static final long ACTION = Footprint.object(4 * Footprint.REFERENCE + 1) + Footprint.INSTANT + Footprint.REFERENCE;

	/** The root, the counts by kind and the record itself, generously. */
	private static final long RADIUS = 2048;

	private AnswerFootprint() {
	}

	public static long of(BlastRadius radius) {
		return RADIUS + of(radius.affectedDecisions()) + ofActions(radius.affectedActions());
	}

	private static long of(List<AffectedDecision> decisions) {
		if (decisions instanceof CompactDecisions compact) {
			return compact.footprint();
		}
		long bytes = Footprint.list(decisions.size());
		for (AffectedDecision decision : decisions) {
			bytes += DECISION + Footprint.string(decision.id()) + Footprint.string(decision.reviewState());
		}
		return bytes;
	}

	/** A blast radius' actions, as they are kept. */
	public static long ofActions(List<AffectedAction> actions) {
		if (actions instanceof CompactActions compact) {
			return compact.footprint();
		}
		long bytes = Footprint.list(actions.size());
		for (AffectedAction action : actions) {
			bytes += of(action);
		}
		return bytes;
	}

	/** An action with its triggers' ids. */
	public static long of(AffectedAction action) {
		return ACTION + Footprint.string(action.id()) + triggers(action.triggeredBy());
	}

	/** A list of triggers, as an ArrayList sized to them, and their ids. */
	static long triggers(List<String> ids) {
		long bytes = Footprint.ARRAY_LIST + (ids.isEmpty() ? 0 : Footprint.references(ids.size()));
		for (String id : ids) {
			bytes += Footprint.string(id);
		}
		return bytes;
	}

	/** An id of this many ASCII characters. */
	static long id(int length) {
		return Footprint.string(length, true);
	}

}
