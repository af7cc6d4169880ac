package dev.provenant.lineage;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story: data source crm feeds feature income, which feeds feature ratio; model risk
 * uses ratio; decision d used ratio and was made by risk; action a executes d and
 * triggered action b.
 */
class LineageIT extends GraphQlIT {

	private Story story;

	@BeforeEach
	void tellTheStory() {
		this.story = story().dataSource("crm")
			.feature("income", "crm")
			.feature("ratio", "income")
			.model("risk", "ratio")
			.decision("d", "2026-11-01T10:00:00Z", "ratio")
			.with("modelVersion", "risk")
			.action("a", "2026-11-01T10:00:01Z", "d")
			.action("b", "2026-11-01T10:00:02Z", "d", "a");
		this.story.ingest(this.graphQl);
	}

	@Test
	void upstreamOfADecisionReachesEverythingItDependsOnWithHopDistances() {
		GraphQlTester.Response response = lineage("d", "UPSTREAM", 10);
		response.path("lineage.root.id").entity(String.class).isEqualTo(id("d"));
		response.path("lineage.hops[*].id")
			.entityList(String.class)
			.containsExactly(ids("d", "ratio", "risk", "income", "crm"));
		response.path("lineage.hops[*].distance").entityList(Integer.class).containsExactly(0, 1, 1, 2, 3);
		response.path("lineage.nodes[*].kind")
			.entityList(String.class)
			.containsExactly("DECISION", "FEATURE", "MODEL_VERSION", "FEATURE", "DATA_SOURCE");
		assertThat(response.path("lineage.edges[*].type").entityList(String.class).get())
			.containsExactlyInAnyOrder("USED", "MADE_BY", "USES_FEATURE", "DERIVED_FROM", "DERIVED_FROM");
		response.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void edgesPointFromTheDependentToWhatItDependsOn() {
		lineage("d", "UPSTREAM", 1).path("lineage.edges[?(@.type == 'USED')].from")
			.entityList(String.class)
			.containsExactly(id("d"));
	}

	@Test
	void downstreamOfADataSourceReachesFeaturesModelsDecisionsAndActions() {
		GraphQlTester.Response response = lineage("crm", "DOWNSTREAM", 10);
		response.path("lineage.hops[*].id")
			.entityList(String.class)
			.containsExactly(ids("crm", "income", "ratio", "d", "risk", "a", "b"));
		// b executes d directly, so it is as close as a, though a also triggered it.
		response.path("lineage.hops[*].distance").entityList(Integer.class).containsExactly(0, 1, 2, 3, 3, 4, 4);
		response.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void depthLimitsTheAnswerAndTruncatedSaysThatMoreLiesBeyond() {
		GraphQlTester.Response response = lineage("d", "UPSTREAM", 1);
		response.path("lineage.hops[*].id").entityList(String.class).containsExactly(ids("d", "ratio", "risk"));
		response.path("lineage.truncated").entity(Boolean.class).isEqualTo(true);
		// Only edges with both ends returned: ratio→income is left out.
		assertThat(response.path("lineage.edges[*].to").entityList(String.class).get())
			.containsExactlyInAnyOrder(id("ratio"), id("risk"), id("ratio"));
	}

	@Test
	void aDepthThatReachesTheEndIsNotTruncated() {
		lineage("d", "UPSTREAM", 3).path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
		lineage("d", "UPSTREAM", 2).path("lineage.truncated").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void theDefaultsAreUpstreamAndDepthTen() {
		GraphQlTester.Response response = this.graphQl.documentName("lineage").variable("id", id("b")).execute();
		response.path("lineage.hops[*].id").entityList(String.class).hasSize(7);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 51 })
	void aDepthOutsideOneToFiftyIsABadRequest(int depth) {
		this.graphQl.documentName("lineage")
			.variable("id", id("d"))
			.variable("depth", depth)
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	@Test
	void fiftyIsAllowed() {
		lineage("d", "UPSTREAM", 50).path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void anUnknownIdIsNotFound() {
		this.graphQl.documentName("lineage")
			.variable("id", id("nobody"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "NOT_FOUND"));
	}

	@Test
	void aNodeWithNothingUpstreamIsAloneAndNotTruncated() {
		GraphQlTester.Response response = lineage("crm", "UPSTREAM", 5);
		response.path("lineage.hops[*].id").entityList(String.class).containsExactly(id("crm"));
		response.path("lineage.edges").entityList(Object.class).hasSize(0);
		response.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
	}

	private GraphQlTester.Response lineage(String local, String direction, int depth) {
		return this.graphQl.documentName("lineage")
			.variable("id", id(local))
			.variable("direction", direction)
			.variable("depth", depth)
			.execute();
	}

}
