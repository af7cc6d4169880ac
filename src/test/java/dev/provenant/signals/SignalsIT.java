package dev.provenant.signals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistics on a generated dataset in a year of its own (no other test writes there),
 * compared with figures the test computes itself from the same specification.
 */
class SignalsIT extends GraphQlIT {

	private static final String STATS = """
			query($from: DateTime!, $to: DateTime!, $bucket: Bucket!, $groupBy: StatsGroup) {
			  decisionStats(from: $from, to: $to, bucket: $bucket, groupBy: $groupBy) {
			    bucketStart group decisions humanReviewShare approved rejected overdueReviews violations
			    rolledBackActions confidence { mean p10 p50 p90 } dataQuality { mean p10 p50 p90 }
			  }
			}
			""";

	private static final String DRIFT = """
			query($id: ID!, $bf: DateTime!, $bt: DateTime!, $cf: DateTime!, $ct: DateTime!) {
			  drift(id: $id, baselineFrom: $bf, baselineTo: $bt, currentFrom: $cf, currentTo: $ct) {
			    confidencePsi outcomePsi drifting baselineCount currentCount
			  }
			}
			""";

	/** One decision of the dataset. */
	private record Spec(String id, OffsetDateTime at, String model, Double confidence, Double dataQuality,
			boolean review, boolean approved, boolean rolledBack, String outcome) {
	}

	/** Each test gets its own year, so the statistics see only its own decisions. */
	private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(
			2050);

	private final List<Spec> specs = new ArrayList<>();

	private int year;

	private String at(String monthDayTime) {
		return this.year + "-" + monthDayTime;
	}

	@BeforeEach
	void generate() {
		Story story = story().model("m1")
			.model("m2")
			.add("policies", "id", "pol", "minConfidence", 0.5, "approverRoles", List.of(id("officer")), "reviewSla",
					"PT1H")
			.approver("ana")
			.with("role", id("officer"));
		java.util.Random random = new java.util.Random(7);
		this.year = YEARS.getAndIncrement();
		OffsetDateTime start = OffsetDateTime.parse(at("01-01T05:00:00Z"));
		for (int i = 0; i < 60; i++) {
			OffsetDateTime at = start.plusMinutes(i * 40L);
			String model = (i % 3 == 0) ? "m2" : "m1";
			boolean dayTwo = at.getDayOfMonth() == 2;
			Double confidence = (i % 7 == 0) ? null : Math.round(
					(dayTwo && model.equals("m1") ? 0.2 + 0.3 * random.nextDouble() : 0.6 + 0.4 * random.nextDouble())
							* 1000)
					/ 1000.0;
			Double dataQuality = (i % 4 == 0) ? null : Math.round(random.nextDouble() * 1000) / 1000.0;
			boolean review = i % 5 == 0;
			boolean approved = review && i % 10 == 0;
			String outcome = (confidence != null && confidence < 0.5) ? "decline" : (i % 2 == 0) ? "approve" : "refer";
			Spec spec = new Spec("d" + i, at, model, confidence, dataQuality, review, approved, i % 6 == 0, outcome);
			this.specs.add(spec);
			story.add("decisions", "id", spec.id, "occurredAt", at.toString(), "outcome", outcome, "route",
					review ? "HUMAN_REVIEW" : "AUTONOMOUS", "modelVersion", model, "policy", "pol");
			if (confidence != null) {
				story.with("confidence", confidence);
			}
			if (dataQuality != null) {
				story.with("dataQuality", dataQuality);
			}
			if (approved) {
				story.with("approvedBy", List.of("ana"));
			}
			story.action("a" + i, at.plusMinutes(1).toString(), spec.id);
		}
		story.ingest(this.graphQl);
		for (Spec spec : this.specs) {
			if (spec.rolledBack) {
				markRolledBack("a" + spec.id.substring(1), "test", "test");
			}
		}
		// One pending review is rejected; the rest stay pending and, with the clock
		// on the third of January, overdue.
		this.graphQl.documentName("review")
			.variable("decisionId", id("d5"))
			.variable("approverId", id("ana"))
			.variable("verdict", "REJECT")
			.variable("rationale", "test")
			.execute()
			.path("review.reviewState")
			.entity(String.class)
			.isEqualTo("REJECTED");
		this.clock.set(Instant.parse(at("01-03T00:00:00Z")));
	}

	@Test
	void hourlyStatisticsPerModelMatchAnIndependentComputation() {
		List<Map<String, Object>> rows = stats("HOUR", "MODEL_VERSION");
		Map<String, List<Spec>> expected = this.specs.stream()
			.collect(Collectors.groupingBy(s -> s.at.truncatedTo(ChronoUnit.HOURS).toInstant() + "|" + id(s.model),
					TreeMap::new, Collectors.toList()));
		assertThat(rows).hasSize(expected.size());
		int index = 0;
		for (Map.Entry<String, List<Spec>> entry : expected.entrySet()) {
			assertRow(rows.get(index++), entry.getKey(), entry.getValue());
		}
	}

	@Test
	void dailyStatisticsWithoutGroupsCoverEveryDecision() {
		List<Map<String, Object>> rows = stats("DAY", null);
		assertThat(rows).extracting(r -> r.get("bucketStart"))
			.containsExactly(at("01-01T00:00:00Z"), at("01-02T00:00:00Z"));
		assertThat(rows).extracting(r -> r.get("group")).containsOnlyNulls();
		assertThat(rows.stream().mapToInt(r -> (Integer) r.get("decisions")).sum()).isEqualTo(this.specs.size());
	}

	@Test
	void driftComparesTwoWindowsOfOneVersion() {
		GraphQlTester.Response drift = this.graphQl.document(DRIFT)
			.variable("id", id("m1"))
			.variable("bf", at("01-01T00:00:00Z"))
			.variable("bt", at("01-02T00:00:00Z"))
			.variable("cf", at("01-02T00:00:00Z"))
			.variable("ct", at("01-03T00:00:00Z"))
			.execute();
		List<Spec> baseline = this.specs.stream()
			.filter(s -> s.model.equals("m1") && s.at.getDayOfMonth() == 1)
			.toList();
		List<Spec> current = this.specs.stream()
			.filter(s -> s.model.equals("m1") && s.at.getDayOfMonth() == 2)
			.toList();
		drift.path("drift.baselineCount").entity(Integer.class).isEqualTo(baseline.size());
		drift.path("drift.currentCount").entity(Integer.class).isEqualTo(current.size());
		drift.path("drift.confidencePsi")
			.entity(Double.class)
			.satisfies(psi -> assertThat(psi).isCloseTo(psi(bins(baseline), bins(current)), within(1e-9)));
		drift.path("drift.outcomePsi")
			.entity(Double.class)
			.satisfies(psi -> assertThat(psi).isCloseTo(psi(outcomes(baseline), outcomes(current)), within(1e-9)));
		drift.path("drift.drifting").entity(Boolean.class).isEqualTo(true);

		this.graphQl.document(DRIFT)
			.variable("id", id("m2"))
			.variable("bf", at("01-01T00:00:00Z"))
			.variable("bt", at("01-02T00:00:00Z"))
			.variable("cf", at("01-01T00:00:00Z"))
			.variable("ct", at("01-02T00:00:00Z"))
			.execute()
			.path("drift.drifting")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void driftIsForModelAndPromptVersionsAndWindowsMustBeOrdered() {
		this.graphQl.document(DRIFT)
			.variable("id", id("pol"))
			.variable("bf", at("01-01T00:00:00Z"))
			.variable("bt", at("01-02T00:00:00Z"))
			.variable("cf", at("01-02T00:00:00Z"))
			.variable("ct", at("01-03T00:00:00Z"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		this.graphQl.document(STATS)
			.variable("from", at("01-02T00:00:00Z"))
			.variable("to", at("01-01T00:00:00Z"))
			.variable("bucket", "DAY")
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	private void assertRow(Map<String, Object> row, String key, List<Spec> specs) {
		String[] parts = key.split("\\|");
		assertThat(row.get("bucketStart")).isEqualTo(parts[0]);
		assertThat(row.get("group")).isEqualTo(parts[1]);
		assertThat(row.get("decisions")).isEqualTo(specs.size());
		assertThat(((Number) row.get("humanReviewShare")).doubleValue())
			.isCloseTo(specs.stream().filter(Spec::review).count() / (double) specs.size(), within(1e-9));
		assertThat(row.get("approved")).isEqualTo((int) specs.stream().filter(Spec::approved).count());
		assertThat(row.get("rejected")).isEqualTo((int) specs.stream().filter(s -> s.id.equals("d5")).count());
		assertThat(row.get("overdueReviews"))
			.isEqualTo((int) specs.stream().filter(s -> s.review && !s.approved && !s.id.equals("d5")).count());
		assertThat(row.get("violations")).isEqualTo(
				(int) specs.stream().filter(s -> !s.review && s.confidence != null && s.confidence < 0.5).count());
		assertThat(row.get("rolledBackActions")).isEqualTo((int) specs.stream().filter(Spec::rolledBack).count());
		assertDistribution(row.get("confidence"), specs.stream().map(Spec::confidence).toList());
		assertDistribution(row.get("dataQuality"), specs.stream().map(Spec::dataQuality).toList());
	}

	@SuppressWarnings("unchecked")
	private static void assertDistribution(Object actual, List<Double> values) {
		List<Double> present = values.stream().filter(Objects::nonNull).sorted().toList();
		if (present.isEmpty()) {
			assertThat(actual).isNull();
			return;
		}
		Map<String, Number> distribution = (Map<String, Number>) actual;
		assertThat(distribution.get("mean").doubleValue())
			.isCloseTo(present.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
		assertThat(distribution.get("p10").doubleValue()).isCloseTo(percentileCont(present, 0.1), within(1e-9));
		assertThat(distribution.get("p50").doubleValue()).isCloseTo(percentileCont(present, 0.5), within(1e-9));
		assertThat(distribution.get("p90").doubleValue()).isCloseTo(percentileCont(present, 0.9), within(1e-9));
	}

	/** Linear interpolation between closest ranks, as Cypher's percentileCont. */
	private static double percentileCont(List<Double> sorted, double p) {
		double position = p * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
	}

	private static Map<String, Long> bins(List<Spec> specs) {
		Map<String, Long> bins = new TreeMap<>();
		for (int b = 0; b < 10; b++) {
			bins.put(Integer.toString(b), 0L);
		}
		specs.stream()
			.map(Spec::confidence)
			.filter(Objects::nonNull)
			.forEach(c -> bins.merge(Integer.toString(Math.min(9, (int) Math.floor(c * 10))), 1L, Long::sum));
		return bins;
	}

	private static Map<String, Long> outcomes(List<Spec> specs) {
		return specs.stream().collect(Collectors.groupingBy(Spec::outcome, TreeMap::new, Collectors.counting()));
	}

	private static double psi(Map<String, Long> baseline, Map<String, Long> current) {
		java.util.Set<String> categories = new java.util.TreeSet<>(baseline.keySet());
		categories.addAll(current.keySet());
		double b = baseline.values().stream().mapToLong(Long::longValue).sum();
		double c = current.values().stream().mapToLong(Long::longValue).sum();
		double psi = 0;
		for (String category : categories) {
			double bi = Math.max(baseline.getOrDefault(category, 0L) / b, 0.0001);
			double ci = Math.max(current.getOrDefault(category, 0L) / c, 0.0001);
			psi += (ci - bi) * Math.log(ci / bi);
		}
		return psi;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> stats(String bucket, String groupBy) {
		return this.graphQl.document(STATS)
			.variable("from", at("01-01T00:00:00Z"))
			.variable("to", at("01-03T00:00:00Z"))
			.variable("bucket", bucket)
			.variable("groupBy", groupBy)
			.execute()
			.path("decisionStats")
			.entityList(Map.class)
			.get()
			.stream()
			.map(row -> (Map<String, Object>) row)
			.sorted(Comparator.comparing(row -> String.valueOf(row.get("bucketStart"))))
			.toList();
	}

}
