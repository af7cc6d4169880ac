package dev.provenant.impact;

import java.time.Instant;
import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story: data source crm feeds feature f. Model m made decisions d1 (10:00) and d2
 * (11:00) on their own, and d3 (12:00) after review; d4 (13:00) had no model. Action a1
 * executes d1 and triggered a2, which executes d2; a3 executes d3 and cannot be undone;
 * a4 executes d4 and was rolled back.
 */
class ImpactGraphIT extends GraphQlIT {

	@BeforeEach
	void tellTheStory() {
		this.clock.set(Instant.parse("2026-11-02T00:00:00Z"));
		story().dataSource("crm")
			.feature("f", "crm")
			.model("m")
			.decision("d1", "2026-11-01T10:00:00Z", "f")
			.with("modelVersion", "m")
			.decision("d2", "2026-11-01T11:00:00Z", "f")
			.with("modelVersion", "m")
			.decision("d3", "2026-11-01T12:00:00Z", "f")
			.with("modelVersion", "m")
			.with("route", "HUMAN_REVIEW")
			.decision("d4", "2026-11-01T13:00:00Z", "f")
			.action("a1", "2026-11-01T10:01:00Z", "d1")
			.action("a2", "2026-11-01T11:01:00Z", "d2", "a1")
			.action("a3", "2026-11-01T12:01:00Z", "d3")
			.with("reversible", false)
			.action("a4", "2026-11-01T13:01:00Z", "d4")
			.ingest(this.graphQl);
		this.clock.set(Instant.parse("2026-11-02T01:00:00Z"));
		markRolledBack("a4", null, "sent twice");
	}

	@Test
	void decisionsAreGroupedByModelVersionAndRouteAndActionsByTheirDecisionsReversibilityAndStatus() {
		GraphQlTester.Response response = impactGraph("crm", 10, null, null, List.of());
		response.path("impactGraph.root.id").entity(String.class).isEqualTo(id("crm"));
		response.path("impactGraph.nodes[*].id").entityList(String.class).containsExactly(ids("crm", "f"));
		response.path("impactGraph.decisionCount").entity(Integer.class).isEqualTo(4);
		response.path("impactGraph.actionCount").entity(Integer.class).isEqualTo(4);
		String autonomous = decisions("AUTONOMOUS", id("m"));
		String reviewed = decisions("HUMAN_REVIEW", id("m"));
		String unmodelled = decisions("AUTONOMOUS", "");
		assertThat(response.path("impactGraph.groups[*].id").entityList(String.class).get()).containsExactlyInAnyOrder(
				autonomous, reviewed, unmodelled, actions("reversible:EXECUTED", "AUTONOMOUS:" + id("m")),
				actions("irreversible:EXECUTED", "HUMAN_REVIEW:" + id("m")),
				actions("reversible:ROLLED_BACK", "AUTONOMOUS:"));
		response.path("impactGraph.groups[?(@.id == '" + autonomous + "')].count")
			.entityList(Integer.class)
			.containsExactly(2);
		response.path("impactGraph.groups[?(@.id == '" + reviewed + "')].route")
			.entityList(String.class)
			.containsExactly("HUMAN_REVIEW");
		assertThat(response.path("impactGraph.groups[?(@.status == 'ROLLED_BACK')].modelVersion")
			.entityList(Object.class)
			.get()).containsExactly((Object) null);
		response.path("impactGraph.groups[?(@.reversible == false)].count")
			.entityList(Integer.class)
			.containsExactly(1);
		// Two stored USED edges, one drawn; a1 triggering a2 stays inside their group.
		response.path("impactGraph.edges[?(@.from == '" + autonomous + "')]").entityList(Object.class).hasSize(1);
		response.path("impactGraph.edges[?(@.from == '" + autonomous + "')].count")
			.entityList(Integer.class)
			.containsExactly(2);
		response.path("impactGraph.edges[?(@.from == '" + id("f") + "')].to")
			.entityList(String.class)
			.containsExactly(id("crm"));
		response.path("impactGraph.edges[?(@.type == 'TRIGGERED_BY')]").entityList(Object.class).hasSize(0);
	}

	@Test
	void anExpandedGroupDrawsItsMembersNewestFirstWithTheirOwnEdges() {
		String autonomous = decisions("AUTONOMOUS", id("m"));
		GraphQlTester.Response response = impactGraph("crm", 10, null, null, List.of(autonomous));
		response.path("impactGraph.nodes[*].id").entityList(String.class).containsExactly(ids("crm", "f", "d2", "d1"));
		response.path("impactGraph.groups[*].id").entityList(String.class).doesNotContain(autonomous);
		String theirActions = actions("reversible:EXECUTED", "AUTONOMOUS:" + id("m"));
		assertThat(response.path("impactGraph.edges[?(@.from == '" + theirActions + "')].to")
			.entityList(String.class)
			.get()).containsExactlyInAnyOrder(ids("d1", "d2"));
		response.path("impactGraph.edges[?(@.from == '" + id("d1") + "')].type")
			.entityList(String.class)
			.containsExactly("USED");
	}

	@Test
	void theWindowBoundsDecisionsAndTheirActionsAndDepthBoundsHops() {
		GraphQlTester.Response windowed = impactGraph("crm", 10, "2026-11-01T11:00:00Z", "2026-11-01T13:00:00Z",
				List.of());
		windowed.path("impactGraph.decisionCount").entity(Integer.class).isEqualTo(2);
		// a1 executes d1, outside; a2 executes d2, inside.
		windowed.path("impactGraph.actionCount").entity(Integer.class).isEqualTo(2);

		GraphQlTester.Response shallow = impactGraph("crm", 2, null, null, List.of());
		shallow.path("impactGraph.decisionCount").entity(Integer.class).isEqualTo(4);
		shallow.path("impactGraph.actionCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void asOfShowsTheGraphAsItWasRecordedThen() {
		this.graphQl.documentName("impactGraph")
			.variable("id", id("crm"))
			.variable("asOf", "2000-01-01T00:00:00Z")
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		// Before the rollback was marked, a4 still stood.
		GraphQlTester.Response executed = this.graphQl.documentName("impactGraph")
			.variable("id", id("crm"))
			.variable("asOf", "2026-11-02T00:30:00Z")
			.execute();
		executed.path("impactGraph.groups[?(@.status == 'ROLLED_BACK')]").entityList(Object.class).hasSize(0);
		executed.path("impactGraph.groups[?(@.id == '" + actions("reversible:EXECUTED", "AUTONOMOUS:") + "')].count")
			.entityList(Integer.class)
			.containsExactly(1);
	}

	@Test
	void wrongArgumentsAreNamedAndOnlyReadersMayAsk() {
		impactGraph("ghost", 10, null, null, List.of()).errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		impactGraph("crm", 0, null, null, List.of()).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		impactGraph("crm", 51, null, null, List.of()).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		impactGraph("crm", 10, "2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", List.of()).errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		as(TestKeys.READER).documentName("impactGraph")
			.variable("id", id("crm"))
			.execute()
			.path("impactGraph.decisionCount")
			.entity(Integer.class)
			.isEqualTo(4);
		as(null).documentName("impactGraph")
			.variable("id", id("crm"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "UNAUTHORIZED"));
		as(TestKeys.WRITER).documentName("impactGraph")
			.variable("id", id("crm"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "FORBIDDEN"));
	}

	private static String decisions(String route, String modelVersion) {
		return "group:DECISION:" + route + ":" + modelVersion;
	}

	private static String actions(String kind, String decisions) {
		return "group:ACTION:" + kind + ":" + decisions;
	}

	private GraphQlTester.Response impactGraph(String local, int depth, String from, String to, List<String> expand) {
		return this.graphQl.documentName("impactGraph")
			.variable("id", id(local))
			.variable("depth", depth)
			.variable("from", from)
			.variable("to", to)
			.variable("expand", expand)
			.execute();
	}

}
