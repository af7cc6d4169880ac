package dev.provenant.node;

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
		double few = statementsFor(3);
		double many = statementsFor(40);
		assertThat(many).isEqualTo(few);
		assertThat(few).isLessThanOrEqualTo(16);
	}

	private double statementsFor(int decisions) {
		Story story = story().dataSource("crm").feature("f", "crm").model("m", "f").policy("p");
		for (int i = 0; i < decisions; i++) {
			String at = "2026-11-01T10:%02d:00Z".formatted(i);
			story.decision("d" + i, at, "f").with("modelVersion", "m").with("policy", "p");
			story.action("a" + i, at, "d" + i).action("b" + i, at, "d" + i, "a" + i);
		}
		story.ingest(this.graphQl);
		awaitIndexFollowing();
		double before = statements();
		this.graphQl.document(NESTED)
			.variable("id", story.id("crm"))
			.execute()
			.path("blastRadius.decisions.edges")
			.entityList(Object.class)
			.hasSize(decisions);
		return statements() - before;
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
	private double statements() {
		return this.meters.find("provenant.cypher.statements")
			.counters()
			.stream()
			.filter(counter -> !BACKGROUND.contains(counter.getId().getTag("query")))
			.mapToDouble(Counter::count)
			.sum();
	}

}
