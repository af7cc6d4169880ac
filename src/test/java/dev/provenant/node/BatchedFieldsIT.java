package dev.provenant.node;

import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.provenant.dependency.DependencyIndex;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed edge fields are batched: answering the same nested query for 3 or for 40
 * decisions runs the same number of Cypher statements, one per level of the response,
 * never one per node.
 */
class BatchedFieldsIT extends GraphQlIT {

	private static final String NESTED = """
			query($id: ID!) {
			  blastRadius(id: $id) {
			    decisions(first: 100) {
			      edges { node {
			        id features { id derivedFrom { id } } modelVersion { id usesFeatures { id } } policy { id }
			        actions { id decision { id } triggeredBy { id } triggered { id } }
			      } }
			    }
			  }
			  rollbackScope(id: $id) { steps(first: 100) { edges { node { action { id decision { id } } } } } }
			}
			""";

	/**
	 * Statements of the service's own schedules: the overdue check, the event follower,
	 * the shared rate-limit buckets' settlement (which the test's own requests give work)
	 * and the webhook outbox's poll.
	 */
	private static final java.util.Set<String> BACKGROUND = java.util.Set.of("governance/announce_overdue",
			"events/after", "events/forget_older", "security/settle_buckets", "security/drawn_buckets",
			"security/forget_buckets", "webhooks/claim_due", "webhooks/release_claimed");

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private DependencyIndex index;

	@Test
	void theNumberOfStatementsDoesNotGrowWithTheNumberOfNodes() {
		Map<String, Double> few = fewestStatementsFor(3);
		Map<String, Double> many = fewestStatementsFor(40);
		assertThat(total(many)).as("statements for 40 decisions %s, for 3 %s", many, few).isEqualTo(total(few));
		assertThat(total(few)).as("statements %s", few).isLessThanOrEqualTo(16);
	}

	/**
	 * The statements the query ran, by name, for a new story of {@code decisions}; of
	 * three such stories, the one that ran fewest. A schedule of the service's own (an
	 * hourly sweep, a checkpoint) can only add statements to a measurement, never take
	 * any away, so the fewest is the query's own count.
	 */
	private Map<String, Double> fewestStatementsFor(int decisions) {
		Map<String, Double> fewest = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			Map<String, Double> measured = statementsFor(decisions);
			if (fewest == null || total(measured) < total(fewest)) {
				fewest = measured;
			}
		}
		return fewest;
	}

	private static double total(Map<String, Double> statements) {
		return statements.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private Map<String, Double> statementsFor(int decisions) {
		Story story = story().dataSource("crm").feature("f", "crm").model("m", "f").policy("p");
		for (int i = 0; i < decisions; i++) {
			String at = "2026-11-01T10:%02d:00Z".formatted(i);
			story.decision("d" + i, at, "f").with("modelVersion", "m").with("policy", "p");
			story.action("a" + i, at, "d" + i).action("b" + i, at, "d" + i, "a" + i);
		}
		story.ingest(this.graphQl);
		awaitIndexFollowing();
		Map<String, Double> before = statements();
		this.graphQl.document(NESTED)
			.variable("id", story.id("crm"))
			.execute()
			.path("blastRadius.decisions.edges")
			.entityList(Object.class)
			.hasSize(decisions);
		Map<String, Double> ran = new TreeMap<>();
		statements().forEach((query, count) -> {
			double delta = count - before.getOrDefault(query, 0.0);
			if (delta > 0) {
				ran.put(query, delta);
			}
		});
		return ran;
	}

	/**
	 * The dependency index follows each write on its own thread, running a few statements
	 * of its own: let it finish, so that only the query's statements are counted.
	 */
	private void awaitIndexFollowing() {
		long head = this.driver.executableQuery("MATCH (h:AuditHead) RETURN h.sequence AS s")
			.execute()
			.records()
			.get(0)
			.get("s")
			.asLong();
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (this.index.sequence() < head && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.index.sequence()).isEqualTo(head);
	}

	/**
	 * Statements run so far, but for those of the service's own schedules, which may fall
	 * inside the measurement.
	 */
	private Map<String, Double> statements() {
		Map<String, Double> statements = new TreeMap<>();
		for (Counter counter : this.meters.find("provenant.cypher.statements").counters()) {
			String query = counter.getId().getTag("query");
			if (!BACKGROUND.contains(query)) {
				statements.merge(query, counter.count(), Double::sum);
			}
		}
		return statements;
	}

}
