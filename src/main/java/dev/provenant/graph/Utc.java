package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Times are stored in UTC. Neo4j orders two DateTime values by instant only when they
 * share an offset
 * ({@code datetime('2026-11-01T11:00+01:00') <= datetime('2026-11-01T10:00Z')} is false),
 * so mixing the offsets clients send would make time windows wrong.
 */
public final class Utc {

	private Utc() {
	}

	public static OffsetDateTime of(OffsetDateTime time) {
		return (time == null) ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
