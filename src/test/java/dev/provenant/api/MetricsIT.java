package dev.provenant.api;

import java.time.Duration;
import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scrapes Provenant's own metrics next to Spring for GraphQL's timings and the
 * Neo4j driver's pool; each of Provenant's moves with the thing it counts.
 */
class MetricsIT extends GraphQlIT {

	@Autowired
	private MeterRegistry meters;

	@Test
	void eachMetricMovesWithWhatItCounts() {
		double recordedBatches = count("provenant.ingest.batches", "outcome", "recorded");
		double sources = count("provenant.ingest.records", "kind", "DATA_SOURCE");
		double rejected = count("provenant.ingest.rejected", "reason", "UNKNOWN_REFERENCE");
		double escalated = count("provenant.assessments", "route", "HUMAN_REVIEW");
		double lowConfidence = count("provenant.assessment.reasons", "reason", "LOW_CONFIDENCE");
		double assessCalls = count("provenant.assessments", "source", "assess");
		double rollbacks = count("provenant.rollbacks", null, null);
		double pending = gauge("provenant.review.queue.depth");
		double overdue = gauge("provenant.review.queue.overdue");
		double quarantined = gauge("provenant.quarantines.active");

		story().dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "pol", "minConfidence", 0.8, "reviewSla", "PT1H")
			.decision("d1", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("confidence", 0.5)
			.decision("d2", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.action("a1", "2026-11-02T09:01:00Z", "d2")
			.ingest(this.graphQl);
		this.graphQl.documentName("ingest")
			.variable("batch", story().feature("g", "nowhere").batch())
			.execute()
			.errors()
			.expect(error -> true);
		this.graphQl.document("query($d: DecisionInput!) { assess(decision: $d) { route } }")
			.variable("d",
					java.util.Map.of("id", id("proposal"), "occurredAt", "2026-11-02T10:00:00Z", "outcome", "approve",
							"confidence", 0.5, "route", "AUTONOMOUS", "policy", id("pol")))
			.execute()
			.path("assess.route")
			.entity(String.class)
			.isEqualTo("HUMAN_REVIEW");
		markRolledBack("a1", "test", "wrong");
		markRolledBack("a1", "test", "wrong");
		quarantine("crm");
		// The decision's review was due an hour after it occurred, long before the
		// clock's
		// now; gauges are read afresh once their few seconds have passed (see gauge()).

		assertThat(count("provenant.ingest.batches", "outcome", "recorded")).isEqualTo(recordedBatches + 1);
		assertThat(count("provenant.ingest.records", "kind", "DATA_SOURCE")).isEqualTo(sources + 1);
		assertThat(count("provenant.ingest.rejected", "reason", "UNKNOWN_REFERENCE")).isEqualTo(rejected + 1);
		assertThat(count("provenant.assessments", "route", "HUMAN_REVIEW")).isEqualTo(escalated + 2);
		assertThat(count("provenant.assessment.reasons", "reason", "LOW_CONFIDENCE")).isEqualTo(lowConfidence + 2);
		assertThat(count("provenant.assessments", "source", "assess")).isEqualTo(assessCalls + 1);
		assertThat(count("provenant.rollbacks", null, null)).isEqualTo(rollbacks + 1);
		assertThat(gauge("provenant.review.queue.depth")).isEqualTo(pending + 1);
		assertThat(gauge("provenant.review.queue.overdue")).isEqualTo(overdue + 1);
		assertThat(gauge("provenant.quarantines.active")).isEqualTo(quarantined + 1);
	}

	@Test
	void prometheusScrapesProvenantGraphQlAndTheDriverPool() {
		story().dataSource("crm").ingest(this.graphQl);
		String scrape = prometheusScrape();
		assertThat(scrape).contains("provenant_ingest_batches_total{", "provenant_ingest_records_total{",
				"provenant_audit_head_sequence ", "provenant_audit_events_total{", "provenant_review_queue_depth ",
				"provenant_review_queue_overdue ", "provenant_quarantines_active ", "provenant_rollbacks_total ",
				"provenant_index_nodes ", "graphql_request_seconds_count{", "graphql_datafetcher_seconds_count{",
				"db_client_connection_use_time_seconds_count{", "neo4j_db_client_transaction_commit_duration_seconds");
		for (String key : List.of(TestKeys.READER, TestKeys.WRITER)) {
			http(key).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
		}
		http(null).get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
	}

	private double count(String name, String tag, String value) {
		Search search = this.meters.find(name);
		if (tag != null) {
			search = search.tag(tag, value);
		}
		return search.counters().stream().mapToDouble(counter -> counter.count()).sum();
	}

	private double gauge(String name) {
		this.clock.advance(Duration.ofSeconds(10));
		return this.meters.get(name).gauge().value();
	}

}
