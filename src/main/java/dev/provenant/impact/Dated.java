package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.Comparator;

/** Something with an id and a time, listed newest first. */
public interface Dated {

	/**
	 * occurredAt descending (as instants), then id ascending: the order of every list in
	 * a blast radius.
	 */
	Comparator<Dated> NEWEST_FIRST = Comparator.comparing((Dated d) -> d.occurredAt().toInstant())
		.reversed()
		.thenComparing(Dated::id);

	String id();

	OffsetDateTime occurredAt();

}
