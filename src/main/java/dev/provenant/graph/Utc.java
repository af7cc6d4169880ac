package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times are stored in UTC. Neo4j orders two DateTime values by instant only when they
 * share an offset
 * ({@code datetime('2026-11-01T11:00+01:00') <= datetime('2026-11-01T10:00Z')} is false),
 * so mixing the offsets clients send would make time windows wrong.
 */
public final class Utc {

	private Utc() {
	}

	/**
	 * The first instant Provenant can record: the four-digit years, in UTC, begin here.
	 */
	public static final OffsetDateTime START_OF_TIME = OffsetDateTime.parse("0000-01-01T00:00:00Z");

	/**
	 * The last instant Provenant can record: stands for "now" where a query needs an
	 * instant, never null.
	 */
	public static final OffsetDateTime END_OF_TIME = OffsetDateTime.parse("9999-12-31T23:59:59.999999999Z");

	/** The instant looked at, in UTC, or {@link #END_OF_TIME} for now. */
	public static OffsetDateTime asOf(OffsetDateTime asOf) {
		return (asOf == null) ? END_OF_TIME : of(asOf);
	}

	/**
	 * The instant in UTC as ISO-8601 text, seconds always written (as the DateTime scalar
	 * writes it; {@code toString} drops zero seconds).
	 */
	public static String text(OffsetDateTime time) {
		return (time == null) ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(of(time));
	}

	public static OffsetDateTime of(OffsetDateTime time) {
		return (time == null) ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
