package dev.provenant.memory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Retained;
import dev.provenant.support.Story;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cache stays within its bound in bytes, as its metrics report it, whatever is
 * asked; what they hold is given back once the questions stop; and an answer too large to
 * build is refused with a classified error instead of filling the heap. Small bounds, so
 * that a few hundred decisions fill them.
 */
@TestPropertySource(properties = { "provenant.caches.blast-radius-bytes=400KB",
		"provenant.caches.rollback-plan-bytes=200KB", "provenant.caches.graphql-document-bytes=64KB",
		"provenant.api.max-answer-bytes=" + MemoryIT.MAX_ANSWER_BYTES })
class MemoryIT extends GraphQlIT {

	/**
	 * Holds a feature's 200 decisions and their actions as records (~95 KB, from Cypher),
	 * not a source's 2,400 even in the index's compact arrays (~220 KB).
	 */
	static final int MAX_ANSWER_BYTES = 150 * 1024;

	private static final int DECISIONS_PER_FEATURE = 200;

	/** Features under one source in the refusal test. */
	private static final int WIDE_FEATURES = 12;

	private static final String[] CACHES = { CacheBounds.BLAST_RADII, CacheBounds.ROLLBACK_PLANS,
			CacheBounds.GRAPHQL_DOCUMENTS, CacheBounds.SUBSCRIPTIONS, CacheBounds.WEBHOOKS_IN_FLIGHT,
			CacheBounds.INDEX_PENDING };

	@Autowired
	private MeterRegistry meters;

	@Test
	void manyLargeQuestionsInARowStayWithinEveryBoundAndLeaveTheHeapAsTheyFoundIt() {
		List<String> features = List.of("f1", "f2", "f3");
		for (String feature : features) {
			recordDecisions(feature);
		}
		long before = Retained.usedAfterCollection();
		OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int asked = 0;
		for (int round = 0; round < 4; round++) {
			for (String feature : features) {
				for (int hours = 0; hours < DECISIONS_PER_FEATURE; hours += 40) {
					OffsetDateTime from = start.plusHours(hours);
					ask("blastRadius", feature, from, null, null);
					ask("rollbackScope", feature, from, null, null);
					ask("blastRadius", feature, null, from.plusHours(100), null);
					asked += 3;
					withinBounds();
				}
				// Past the test clock's recordedAt: the whole graph, traversed by Cypher.
				ask("blastRadius", feature, null, null, now.plusDays(round + 1));
				ask("rollbackScope", feature, null, null, now.plusDays(round + 1));
				asked += 2;
				withinBounds();
			}
		}
		assertThat(asked).isGreaterThan(100);
		assertThat(weight(CacheBounds.BLAST_RADII)).isPositive();
		assertThat(weight(CacheBounds.ROLLBACK_PLANS)).isPositive();
		assertThat(prometheusScrape()).contains("provenant_cache_weight_bytes{cache=\"blast-radius\"")
			.contains("provenant_cache_weight_max_bytes{cache=\"rollback-plans\"");
		// Generous: other tests' contexts live in the same JVM; what must not happen is
		// answers piling up (here they would be several hundred megabytes).
		long after = Retained.usedAfterCollection();
		assertThat(after - before).isLessThan(64L << 20);
	}

	@Test
	void theDocumentsCacheIsBoundedByTheBytesOfTheirText() {
		String padding = "# " + "x".repeat(1500) + "\n";
		for (int i = 0; i < 40; i++) {
			this.graphQl.document(padding + "query padded" + i + " { __typename }")
				.execute()
				.path("__typename")
				.entity(String.class)
				.isEqualTo("Query");
			withinBounds();
		}
		assertThat(weight(CacheBounds.GRAPHQL_DOCUMENTS)).isPositive();
	}

	@Test
	void anAnswerTooLargeToBuildIsRefusedWithAHintToNarrowIt() {
		story().dataSource("s").ingest(this.graphQl);
		for (int i = 1; i <= WIDE_FEATURES; i++) {
			recordDecisions("wide" + i, "s");
		}
		for (String operation : new String[] { "blastRadius", "rollbackScope" }) {
			for (OffsetDateTime asOf : new OffsetDateTime[] { null, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1) }) {
				this.graphQl.documentName(operation)
					.variable("id", id("s"))
					.variable("asOf", asOf)
					.execute()
					.errors()
					.satisfy(errors -> {
						assertAll(errors, "BAD_REQUEST");
						assertThat(errors.get(0).getExtensions()).containsEntry("code", "ANSWER_TOO_LARGE");
						assertThat(errors.get(0).getMessage()).contains("from/to");
					});
			}
		}
		// Narrowed to each feature's last ten hours, the same question is answered.
		this.graphQl.documentName("blastRadius")
			.variable("id", id("s"))
			.variable("from", OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusHours(190))
			.execute()
			.path("blastRadius.decisionCount")
			.entity(Integer.class)
			.satisfies(count -> assertThat(count).isPositive().isLessThan(2 * DECISIONS_PER_FEATURE));
	}

	/** A feature with 200 decisions an hour apart, each with two actions. */
	private void recordDecisions(String feature, String... derivedFrom) {
		story().dataSource("src-" + feature).ingest(this.graphQl);
		List<String> sources = new ArrayList<>(List.of(derivedFrom));
		sources.add("src-" + feature);
		story().feature(feature, sources.toArray(String[]::new)).ingest(this.graphQl);
		OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		for (int first = 0; first < DECISIONS_PER_FEATURE; first += 100) {
			Story batch = story();
			for (int i = first; i < first + 100; i++) {
				String decision = feature + "-d" + i;
				OffsetDateTime at = start.plusHours(i);
				batch.decision(decision, at.toString(), feature)
					.action(decision + "-notify", at.plusSeconds(1).toString(), decision)
					.action(decision + "-update", at.plusSeconds(2).toString(), decision, decision + "-notify");
			}
			batch.ingest(this.graphQl);
		}
	}

	private void ask(String operation, String root, OffsetDateTime from, OffsetDateTime to, OffsetDateTime asOf) {
		this.graphQl.documentName(operation)
			.variable("id", id(root))
			.variable("from", from)
			.variable("to", to)
			.variable("asOf", asOf)
			.variable("first", 5)
			.execute()
			.errors()
			.verify();
	}

	private void withinBounds() {
		for (String cache : CACHES) {
			assertThat(weight(cache)).as(cache).isLessThanOrEqualTo(max(cache));
		}
	}

	private double weight(String cache) {
		return this.meters.get("provenant.cache.weight").tag("cache", cache).gauge().value();
	}

	private double max(String cache) {
		return this.meters.get("provenant.cache.weight.max").tag("cache", cache).gauge().value();
	}

}
