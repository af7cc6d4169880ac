package dev.provenant.ingest;

import java.util.List;
import java.util.Map;

import dev.provenant.api.RecordProblem;
import dev.provenant.graph.NodeKind;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What ingest did, for dashboards: {@code provenant.ingest.batches} by outcome (recorded,
 * unchanged, rejected), {@code provenant.ingest.records} recorded by kind, and
 * {@code provenant.ingest.rejected} batches by the reason codes they were refused for.
 */
@Component
class IngestMetrics {

	private final MeterRegistry meters;

	IngestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void recorded(Map<NodeKind, Long> byKind) {
		this.meters.counter("provenant.ingest.batches", "outcome", "recorded").increment();
		byKind.forEach(
				(kind, count) -> this.meters.counter("provenant.ingest.records", "kind", kind.name()).increment(count));
	}

	void unchanged() {
		this.meters.counter("provenant.ingest.batches", "outcome", "unchanged").increment();
	}

	/** A refused batch counts once under each distinct reason it was refused for. */
	void rejected(List<RecordProblem> problems) {
		this.meters.counter("provenant.ingest.batches", "outcome", "rejected").increment();
		problems.stream()
			.map(RecordProblem::code)
			.distinct()
			.forEach(code -> this.meters.counter("provenant.ingest.rejected", "reason", code.name()).increment());
	}

}
