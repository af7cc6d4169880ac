package dev.provenant.impact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import dev.provenant.api.InvalidArgument;
import dev.provenant.graph.Utc;

/**
 * A window on decisions' occurredAt: {@code from} inclusive, {@code to} exclusive, either
 * side open when null.
 */
public record TimeWindow(OffsetDateTime from, OffsetDateTime to) {

	public TimeWindow {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidArgument("from", "from (" + from + ") must not be after to (" + to + ")");
		}
	}

	/**
	 * Whether the instant lies in the window: {@code from} inclusive, {@code to}
	 * exclusive.
	 */
	public boolean contains(Instant instant) {
		return (this.from == null || !instant.isBefore(this.from.toInstant()))
				&& (this.to == null || instant.isBefore(this.to.toInstant()));
	}

	/** The bounds as Cypher parameters {@code $from} and {@code $to}, in UTC. */
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", Utc.of(this.from));
		parameters.put("to", Utc.of(this.to));
		return parameters;
	}

}
