package dev.provenant.impact;

import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story: data source crm feeds feature f, which feeds feature g; model m uses g.
 * Decision d1 (10:00) used f under policy pol, prompt p and approver ana; d2 (11:00) was
 * made by m; d4 (11:00) used f; d3 (12:00) used g. Action a1 executes d1 and triggered
 * a2, which executes d2; a3 executes d3 and triggered a4.
 */
class BlastRadiusIT extends GraphQlIT {

	private static final String T1 = "2026-11-01T10:00:00Z";

	private static final String T2 = "2026-11-01T11:00:00Z";

	private static final String T3 = "2026-11-01T12:00:00Z";

	private Story story;

	@BeforeEach
	void tellTheStory() {
		this.story = story().dataSource("crm")
			.feature("f", "crm")
			.feature("g", "f")
			.model("m", "g")
			.prompt("p")
			.policy("pol")
			.approver("ana")
			.decision("d1", T1, "f")
			.with("policy", "pol")
			.with("promptVersion", "p")
			.with("approvedBy", List.of("ana"))
			.decision("d2", T2)
			.with("modelVersion", "m")
			.decision("d4", T2, "f")
			.decision("d3", T3, "g")
			.action("a1", "2026-11-01T10:01:00Z", "d1")
			.action("a2", "2026-11-01T11:01:00Z", "d2", "a1")
			.action("a3", "2026-11-01T12:01:00Z", "d3")
			.action("a4", "2026-11-01T12:02:00Z", "d3", "a3");
		this.story.ingest(this.graphQl);
	}

	@Test
	void aDataSourceReachesEveryDecisionAndActionDownstreamNewestFirst() {
		GraphQlTester.Response response = blastRadius("crm", null, null);
		response.path("blastRadius.root.id").entity(String.class).isEqualTo(id("crm"));
		response.path("blastRadius.decisionCount").entity(Integer.class).isEqualTo(4);
		response.path("blastRadius.actionCount").entity(Integer.class).isEqualTo(4);
		response.path("blastRadius.decisions.totalCount").entity(Integer.class).isEqualTo(4);
		response.path("blastRadius.decisions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("d3", "d2", "d4", "d1"));
		response.path("blastRadius.actions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("a4", "a3", "a2", "a1"));
		response.path("blastRadius.affected")
			.entityList(Map.class)
			.containsExactly(count("FEATURE", 2), count("MODEL_VERSION", 1), count("DECISION", 4), count("ACTION", 4));
	}

	@Test
	void theWindowIncludesFromAndExcludesTo() {
		GraphQlTester.Response response = blastRadius("crm", T2, T3);
		response.path("blastRadius.decisions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("d2", "d4"));
		response.path("blastRadius.actions.edges[*].node.id").entityList(String.class).containsExactly(ids("a2"));
		// The window applies to decisions (and through them to actions), not to features
		// or models.
		response.path("blastRadius.affected")
			.entityList(Map.class)
			.containsExactly(count("FEATURE", 2), count("MODEL_VERSION", 1), count("DECISION", 2), count("ACTION", 1));
	}

	@Test
	void anOpenSidedWindowIsBoundedOnOneSideOnly() {
		blastRadius("crm", T3, null).path("blastRadius.decisions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("d3"));
		blastRadius("crm", null, T2).path("blastRadius.decisions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("d1"));
	}

	@Test
	void actionsTriggeredByAnInWindowDecisionsActionsCountEvenWhenTheirOwnDecisionIsOutside() {
		GraphQlTester.Response response = blastRadius("crm", T1, T2);
		response.path("blastRadius.decisions.edges[*].node.id").entityList(String.class).containsExactly(ids("d1"));
		response.path("blastRadius.actions.edges[*].node.id").entityList(String.class).containsExactly(ids("a2", "a1"));
	}

	@Test
	void aWindowIsComparedAsInstantsWhateverTheOffset() {
		Story offsets = story().dataSource("x")
			.decision("late", "2026-11-01T13:30:00+02:00")
			.with("dataSources", List.of("x"));
		offsets.ingest(this.graphQl);
		blastRadius("x", T2, T3).path("blastRadius.decisions.edges[*].node.occurredAt")
			.entityList(String.class)
			.containsExactly("2026-11-01T11:30:00Z");
		blastRadius("x", T3, null).path("blastRadius.decisionCount").entity(Integer.class).isEqualTo(0);
		blastRadius("crm", "2026-11-01T13:00:00+02:00", "2026-11-01T13:00:00+01:00")
			.path("blastRadius.decisions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("d2", "d4"));
	}

	@Test
	void aFeatureReachesTheModelsUsingItAndTheirDecisions() {
		GraphQlTester.Response response = blastRadius("g", null, null);
		response.path("blastRadius.decisions.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids("d3", "d2"));
		response.path("blastRadius.affected")
			.entityList(Map.class)
			.containsExactly(count("MODEL_VERSION", 1), count("DECISION", 2), count("ACTION", 3));
	}

	@Test
	void aDecisionRootIsItsOwnSeedWhenInsideTheWindow() {
		GraphQlTester.Response response = blastRadius("d2", null, null);
		response.path("blastRadius.decisions.edges[*].node.id").entityList(String.class).containsExactly(ids("d2"));
		response.path("blastRadius.actions.edges[*].node.id").entityList(String.class).containsExactly(ids("a2"));
		response.path("blastRadius.affected")
			.entityList(Map.class)
			.containsExactly(count("DECISION", 1), count("ACTION", 1));

		GraphQlTester.Response outside = blastRadius("d2", T3, null);
		outside.path("blastRadius.decisionCount").entity(Integer.class).isEqualTo(0);
		outside.path("blastRadius.actionCount").entity(Integer.class).isEqualTo(0);
		outside.path("blastRadius.affected").entityList(Map.class).hasSize(0);
	}

	@Test
	void anActionRootHasNoDecisionsAndTakesItselfAndWhatItTriggeredWhateverTheWindow() {
		GraphQlTester.Response response = blastRadius("a1", "2030-01-01T00:00:00Z", null);
		response.path("blastRadius.decisionCount").entity(Integer.class).isEqualTo(0);
		response.path("blastRadius.actions.edges[*].node.id").entityList(String.class).containsExactly(ids("a2", "a1"));
		response.path("blastRadius.affected").entityList(Map.class).containsExactly(count("ACTION", 2));
	}

	@Test
	void policiesPromptsAndApproversReachTheDecisionsThatNameThem() {
		for (String root : List.of("pol", "p", "ana")) {
			GraphQlTester.Response response = blastRadius(root, null, null);
			response.path("blastRadius.decisions.edges[*].node.id").entityList(String.class).containsExactly(ids("d1"));
			response.path("blastRadius.actions.edges[*].node.id")
				.entityList(String.class)
				.containsExactly(ids("a2", "a1"));
		}
	}

	@Test
	void decisionsArePagedWithCursors() {
		GraphQlTester.Response first = page("crm", 2, null);
		first.path("blastRadius.decisions.totalCount").entity(Integer.class).isEqualTo(4);
		first.path("blastRadius.decisions.edges[*].node.id").entityList(String.class).containsExactly(ids("d3", "d2"));
		first.path("blastRadius.decisions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("blastRadius.decisions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String cursor = first.path("blastRadius.decisions.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = page("crm", 2, cursor);
		second.path("blastRadius.decisions.edges[*].node.id").entityList(String.class).containsExactly(ids("d4", "d1"));
		second.path("blastRadius.decisions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("blastRadius.decisions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

		String last = second.path("blastRadius.decisions.pageInfo.endCursor").entity(String.class).get();
		page("crm", 2, last).path("blastRadius.decisions.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void aPageSizeOutOfRangeOrAForeignCursorIsABadRequest() {
		for (Integer first : new Integer[] { -1, 1001 }) {
			this.graphQl.documentName("blastRadiusDecisionPage")
				.variable("id", id("crm"))
				.variable("first", first)
				.execute()
				.errors()
				.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		}
		this.graphQl.documentName("blastRadiusDecisionPage")
			.variable("id", id("crm"))
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	@Test
	void anUnknownRootIsNotFoundAndAnInvertedWindowIsABadRequest() {
		blastRadius("ghost", null, null).errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		blastRadius("crm", T3, T1).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	private GraphQlTester.Response blastRadius(String local, String from, String to) {
		return this.graphQl.documentName("blastRadius")
			.variable("id", id(local))
			.variable("from", from)
			.variable("to", to)
			.execute();
	}

	private GraphQlTester.Response page(String local, Integer first, String after) {
		return this.graphQl.documentName("blastRadiusDecisionPage")
			.variable("id", id(local))
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private static Map<String, Object> count(String kind, int count) {
		return Map.of("kind", kind, "count", count);
	}

	@Test
	void idPagesListTheSameIdsInTheSameOrderAsTheConnections() {
		GraphQlTester.Response all = affectedIds("crm", null, null);
		List<String> decisions = all.path("blastRadius.decisions.edges[*].node.id").entityList(String.class).get();
		assertThat(decisions).hasSize(4);
		all.path("blastRadius.decisionIds.ids")
			.entityList(String.class)
			.containsExactly(decisions.toArray(String[]::new));
		all.path("blastRadius.decisionIds.totalCount").entity(Integer.class).isEqualTo(4);
		all.path("blastRadius.decisionIds.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<String> actions = all.path("blastRadius.actions.edges[*].node.id").entityList(String.class).get();
		all.path("blastRadius.actionIds.ids").entityList(String.class).containsExactly(actions.toArray(String[]::new));
		List<String> steps = all.path("rollbackScope.steps.edges[*].node.action.id").entityList(String.class).get();
		all.path("rollbackScope.actionIds.ids").entityList(String.class).containsExactly(steps.toArray(String[]::new));
	}

	@Test
	void idPagesArePagedWithTheConnectionsCursors() {
		GraphQlTester.Response first = affectedIds("crm", 3, null);
		first.path("blastRadius.decisionIds.hasNextPage").entity(Boolean.class).isEqualTo(true);
		List<String> firstIds = first.path("blastRadius.decisionIds.ids").entityList(String.class).get();
		assertThat(firstIds).hasSize(3);
		String cursor = first.path("blastRadius.decisionIds.endCursor").entity(String.class).get();
		first.path("blastRadius.decisions.edges[2].cursor").entity(String.class).isEqualTo(cursor);
		GraphQlTester.Response rest = affectedIds("crm", 3, cursor);
		rest.path("blastRadius.decisionIds.ids").entityList(String.class).hasSize(1);
		rest.path("blastRadius.decisionIds.hasNextPage").entity(Boolean.class).isEqualTo(false);
		String last = rest.path("blastRadius.decisionIds.endCursor").entity(String.class).get();
		affectedIds("crm", 3, last).path("blastRadius.decisionIds.ids").entityList(String.class).hasSize(0);
		affectedIds("crm", 3, last).path("blastRadius.decisionIds.endCursor").valueIsNull();
	}

	@Test
	void anIdPageLargerThanTheLimitIsABadRequest() {
		affectedIds("crm", 100001, null).errors().satisfy(errors -> {
			assertAll(errors, "BAD_REQUEST");
			assertThat(errors).allSatisfy(error -> assertThat(error.getMessage()).contains("first"));
		});
	}

	private GraphQlTester.Response affectedIds(String local, Integer first, String after) {
		return this.graphQl.documentName("affectedIds")
			.variable("id", id(local))
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

}
