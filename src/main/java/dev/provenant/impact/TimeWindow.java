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

	/** The bounds as instants, to test many times against. */
	public Instants instants() {
		return new Instants((this.from != null) ? this.from.toInstant() : null,
				(this.to != null) ? this.to.toInstant() : null);
	}

	/**
	 * A window's bounds as instants, either open when null: tests a time given as seconds
	 * and nanoseconds since 1970 without making an instant of it, for closures that test
	 * every decision they reach.
	 */
	public record Instants(Instant from, Instant to) {

		public boolean contains(long epochSecond, int nano) {
			return (this.from == null || compare(epochSecond, nano, this.from) >= 0)
					&& (this.to == null || compare(epochSecond, nano, this.to) < 0);
		}

		private static int compare(long epochSecond, int nano, Instant bound) {
			int bySecond = Long.compare(epochSecond, bound.getEpochSecond());
			return (bySecond != 0) ? bySecond : Integer.compare(nano, bound.getNano());
		}

	}

	/** The bounds as Cypher parameters {@code $from} and {@code $to}, in UTC. */
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", Utc.of(this.from));
		parameters.put("to", Utc.of(this.to));
		return parameters;
	}

}
