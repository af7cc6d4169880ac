package dev.provenant.load;

import java.util.Random;

/**
 * The ids of the latest decisions the service confirmed, so that queries ask about
 * decisions that exist, and about fresh ones, as a live caller would.
 */
final class RecentDecisions {

	private final String[] ring;

	private long added;

	RecentDecisions(int capacity) {
		this.ring = new String[capacity];
	}

	synchronized void add(String decisionId) {
		this.ring[(int) (this.added++ % this.ring.length)] = decisionId;
	}

	/** One of the latest decisions, or null when none has been recorded yet. */
	synchronized String pick(Random random) {
		if (this.added == 0) {
			return null;
		}
		return this.ring[random.nextInt((int) Math.min(this.added, this.ring.length))];
	}

}
