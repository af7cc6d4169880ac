package dev.provenant.rollback;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;

/**
 * The story: decision d at 10:00 led to action a (10:01), which triggered b (10:02),
 * which triggered the irreversible c (10:03); f (10:02) and e (10:05) also execute d, on
 * their own.
 */
class RollbackIT extends GraphQlIT {

	private Story story;

	@BeforeEach
	void tellTheStory() {
		this.story = story().decision("d", "2026-11-01T10:00:00Z")
			.action("a", "2026-11-01T10:01:00Z", "d")
			.action("b", "2026-11-01T10:02:00Z", "d", "a")
			.action("c", "2026-11-01T10:03:00Z", "d", "b")
			.with("reversible", false)
			.action("f", "2026-11-01T10:02:00Z", "d")
			.action("e", "2026-11-01T10:05:00Z", "d");
		this.story.ingest(this.graphQl);
	}

	@Test
	void triggeredActionsAreRevertedBeforeWhatTriggeredThemLatestFirstThenSmallestId() {
		GraphQlTester.Response plan = plan("d");
		plan.path("rollbackScope.root.id").entity(String.class).isEqualTo(id("d"));
		plan.path("rollbackScope.stepCount").entity(Integer.class).isEqualTo(5);
		plan.path("rollbackScope.steps.edges[*].node.action.id")
			.entityList(String.class)
			.containsExactly(ids("e", "c", "b", "f", "a"));
		plan.path("rollbackScope.steps.edges[*].node.position")
			.entityList(Integer.class)
			.containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void irreversibleActionsStayInThePlanMarkedSo() {
		plan("d").path("rollbackScope.steps.edges[*].node.reversible")
			.entityList(Boolean.class)
			.containsExactly(true, false, true, true, true);
	}

	@Test
	void anActionRootPlansItselfAndWhatItTriggered() {
		plan("a").path("rollbackScope.steps.edges[*].node.action.id")
			.entityList(String.class)
			.containsExactly(ids("c", "b", "a"));
	}

	@Test
	void theWindowAppliesAsInTheBlastRadius() {
		GraphQlTester.Response plan = this.graphQl.documentName("rollbackScope")
			.variable("id", id("d"))
			.variable("from", "2026-11-01T10:00:01Z")
			.execute();
		plan.path("rollbackScope.stepCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void stepsArePaged() {
		GraphQlTester.Response first = this.graphQl.documentName("rollbackScope")
			.variable("id", id("d"))
			.variable("first", 2)
			.execute();
		first.path("rollbackScope.steps.totalCount").entity(Integer.class).isEqualTo(5);
		first.path("rollbackScope.steps.edges[*].node.position").entityList(Integer.class).containsExactly(1, 2);
		String cursor = first.path("rollbackScope.steps.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("rollbackScope")
			.variable("id", id("d"))
			.variable("first", 2)
			.variable("after", cursor)
			.execute()
			.path("rollbackScope.steps.edges[*].node.position")
			.entityList(Integer.class)
			.containsExactly(3, 4);
	}

	@Test
	void markRolledBackRecordsTheCallersPrincipalWhenAndWhyAndTheActionLeavesLaterPlans() {
		GraphQlTester.Response marked = mark("b", "ops-oncall", "bad feature");
		marked.path("markRolledBack.status").entity(String.class).isEqualTo("ROLLED_BACK");
		// The by argument is only a note: the principal is who did it.
		marked.path("markRolledBack.rollback.actor").entity(String.class).isEqualTo("test-admin");
		marked.path("markRolledBack.rollback.reason").entity(String.class).isEqualTo("bad feature");
		marked.path("markRolledBack.rollback.at").hasValue();

		this.graphQl.documentName("node")
			.variable("id", id("b"))
			.execute()
			.path("node.rollback.reason")
			.entity(String.class)
			.isEqualTo("bad feature");
		plan("d").path("rollbackScope.steps.edges[*].node.action.id")
			.entityList(String.class)
			.containsExactly(ids("e", "c", "f", "a"));
	}

	@Test
	void markingAgainChangesNothing() {
		String at = mark("a", "first", "why").path("markRolledBack.rollback.at").entity(String.class).get();
		GraphQlTester.Response again = mark("a", "second", "other");
		again.path("markRolledBack.rollback.reason").entity(String.class).isEqualTo("why");
		again.path("markRolledBack.rollback.at").entity(String.class).isEqualTo(at);
	}

	@Test
	void orderStillHoldsThroughAnActionAlreadyRolledBack() {
		// x (latest) triggered y, which triggered z (earliest); with y rolled back, z
		// must still go before x.
		Story chain = story().decision("dd", "2026-11-01T09:00:00Z")
			.action("x", "2026-11-01T12:00:00Z", "dd")
			.action("y", "2026-11-01T11:00:00Z", "dd", "x")
			.action("z", "2026-11-01T10:00:00Z", "dd", "y");
		chain.ingest(this.graphQl);
		mark("y", "ops", "done by hand");
		plan("dd").path("rollbackScope.steps.edges[*].node.action.id")
			.entityList(String.class)
			.containsExactly(ids("z", "x"));
	}

	@Test
	void markingAnUnknownActionIsNotFoundAndAnotherKindOrABlankReasonIsABadRequest() {
		mark("ghost", "ops", "why").errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		mark("d", "ops", "why").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		mark("a", "ops", " ").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		this.graphQl.documentName("node")
			.variable("id", id("a"))
			.execute()
			.path("node.status")
			.entity(String.class)
			.isEqualTo("EXECUTED");
	}

	@Test
	void anUnknownRootIsNotFound() {
		plan("ghost").errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
	}

	private GraphQlTester.Response plan(String local) {
		return this.graphQl.documentName("rollbackScope").variable("id", id(local)).execute();
	}

	private GraphQlTester.Response mark(String local, String by, String reason) {
		return this.graphQl.documentName("markRolledBack")
			.variable("actionId", id(local))
			.variable("note", by)
			.variable("reason", reason)
			.execute();
	}

}
