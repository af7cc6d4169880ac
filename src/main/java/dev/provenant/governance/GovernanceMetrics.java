package dev.provenant.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/**
 * Governance for dashboards: {@code provenant.assessments} by route and source (assess,
 * or ingest) and {@code provenant.assessment.reasons} by reason; gauges
 * {@code provenant.review.queue.depth}, {@code provenant.review.queue.overdue} and
 * {@code provenant.quarantines.active}, read from the graph at most every few seconds
 * however often they are scraped.
 */
@Component
public class GovernanceMetrics {

	private static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final GraphStore store;

	private final MeterRegistry meters;

	private final Clock clock;

	private Snapshot snapshot;

	GovernanceMetrics(GraphStore store, MeterRegistry meters, Clock clock) {
		this.store = store;
		this.meters = meters;
		this.clock = clock;
		gauge("provenant.review.queue.depth", "Decisions waiting for review", Snapshot::pending);
		gauge("provenant.review.queue.overdue", "Decisions waiting for review past their deadline", Snapshot::overdue);
		gauge("provenant.quarantines.active", "Nodes under quarantine now", Snapshot::quarantined);
	}

	/** Counts one assessment; {@code source} is {@code assess} or {@code ingest}. */
	void assessed(Assessment assessment, String source) {
		this.meters.counter("provenant.assessments", "route", assessment.route().name(), "source", source).increment();
		assessment.reasons()
			.forEach(reason -> this.meters
				.counter("provenant.assessment.reasons", "reason", reason.code().name(), "source", source)
				.increment());
	}

	private void gauge(String name, String description, ToLongFunction<Snapshot> value) {
		Gauge.builder(name, this, metrics -> value.applyAsLong(metrics.snapshot()))
			.description(description)
			.register(this.meters);
	}

	private synchronized Snapshot snapshot() {
		Instant now = this.clock.instant();
		if (this.snapshot == null || this.snapshot.at().plus(FRESH_FOR).isBefore(now)) {
			Record row = this.store.read(tx -> this.store
				.run(tx, "governance/gauges", Map.of("now", OffsetDateTime.ofInstant(now, this.clock.getZone())))
				.single());
			this.snapshot = new Snapshot(now, row.get("pending").asLong(), row.get("overdue").asLong(),
					row.get("quarantined").asLong());
		}
		return this.snapshot;
	}

	private record Snapshot(Instant at, long pending, long overdue, long quarantined) {
	}

}
