package dev.provenant.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

	@Autowired
	private MeterRegistry meters;

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
		double before = statements();
		this.graphQl.document(NESTED)
			.variable("id", story.id("crm"))
			.execute()
			.path("blastRadius.decisions.edges")
			.entityList(Object.class)
			.hasSize(decisions);
		return statements() - before;
	}

	private double statements() {
		return this.meters.find("provenant.cypher.statements").counters().stream().mapToDouble(Counter::count).sum();
	}

}
