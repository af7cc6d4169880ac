package dev.provenant.impact;

import java.time.Instant;
import java.util.Comparator;

/** Something with an id and a time, listed newest first. */
public interface Dated {

	/**
	 * occurredAt descending (as instants), then id ascending: the order of every list in
	 * a blast radius.
	 */
	Comparator<Dated> NEWEST_FIRST = (a, b) -> {
		int byTime = b.occurredAt().compareTo(a.occurredAt());
		return (byTime != 0) ? byTime : a.id().compareTo(b.id());
	};

	String id();

	/** An instant, not a date-time: comparing instants allocates nothing. */
	Instant occurredAt();

}
