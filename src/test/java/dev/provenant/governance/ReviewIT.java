package dev.provenant.governance;

import java.time.Instant;
import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;

/**
 * The story: policy pol lets the test's officers review within 4 hours. Decisions d1
 * (09:00, deadline 13:00) and d2 (08:00, deadline 12:00) wait for review; d3 (09:00) too,
 * under policy other, which only auditors may review. Approver ana is an officer, bob a
 * support agent. Action a1 executed d1 and triggered a2.
 */
class ReviewIT extends GraphQlIT {

	private Story story;

	private String officer;

	@BeforeEach
	void tellTheStory() {
		this.officer = id("officer");
		this.story = story().dataSource("crm")
			.feature("f", "crm")
			.model("m", "f")
			.prompt("p")
			.add("policies", "id", "pol", "minConfidence", 0.8, "approverRoles", List.of(this.officer), "reviewSla",
					"PT4H")
			.add("policies", "id", "other", "approverRoles", List.of(id("auditor")))
			.approver("ana")
			.with("role", this.officer)
			.approver("bob")
			.with("role", id("support"))
			.decision("d1", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("confidence", 0.5)
			.with("modelVersion", "m")
			.with("promptVersion", "p")
			.with("dataSources", List.of("crm"))
			.decision("d2", "2026-11-02T08:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.decision("d3", "2026-11-02T09:00:00Z", "f")
			.with("policy", "other")
			.with("route", "HUMAN_REVIEW")
			.action("a1", "2026-11-02T13:30:00Z", "d1")
			.action("a2", "2026-11-02T13:31:00Z", "d1", "a1");
		this.story.ingest(this.graphQl);
		this.clock.set(Instant.parse("2026-11-02T11:00:00Z"));
	}

	@Test
	void theQueueListsPendingDecisionsByDeadlineWithWhatAReviewerNeeds() {
		GraphQlTester.Response queue = queue(this.officer, false);
		queue.path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(2);
		queue.path("reviewQueue.edges[*].node.decision.id")
			.entityList(String.class)
			.containsExactly(id("d2"), id("d1"));
		queue.path("reviewQueue.edges[*].node.deadline")
			.entityList(String.class)
			.containsExactly("2026-11-02T12:00:00Z", "2026-11-02T13:00:00Z");
		queue.path("reviewQueue.edges[1].node.reasons[*].code")
			.entityList(String.class)
			.containsExactly("LOW_CONFIDENCE");
		queue.path("reviewQueue.edges[1].node.requiredRoles").entityList(String.class).containsExactly(this.officer);
		queue.path("reviewQueue.edges[1].node.decision.modelVersion.id").entity(String.class).isEqualTo(id("m"));
		queue.path("reviewQueue.edges[1].node.decision.promptVersion.id").entity(String.class).isEqualTo(id("p"));
		queue.path("reviewQueue.edges[1].node.decision.features[*].id")
			.entityList(String.class)
			.containsExactly(id("f"));
		queue.path("reviewQueue.edges[1].node.decision.dataSources[*].id")
			.entityList(String.class)
			.containsExactly(id("crm"));
	}

	@Test
	void aRoleSeesOnlyWhatItMayReview() {
		queue(id("auditor"), false).path("reviewQueue.edges[*].node.decision.id")
			.entityList(String.class)
			.containsExactly(id("d3"));
		queue(id("support"), false).path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void reviewsBecomeOverdueWhenTheClockPassesTheirDeadline() {
		queue(this.officer, false).path("reviewQueue.edges[*].node.overdue")
			.entityList(Boolean.class)
			.containsExactly(false, false);
		queue(this.officer, true).path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(0);

		this.clock.set(Instant.parse("2026-11-02T12:00:00Z"));
		queue(this.officer, true).path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(0);

		this.clock.set(Instant.parse("2026-11-02T12:00:01Z"));
		GraphQlTester.Response overdue = queue(this.officer, true);
		overdue.path("reviewQueue.edges[*].node.decision.id").entityList(String.class).containsExactly(id("d2"));
		overdue.path("reviewQueue.edges[*].node.overdue").entityList(Boolean.class).containsExactly(true);
	}

	@Test
	void anAllowedApproverApprovesAndTheDecisionLeavesTheQueue() {
		GraphQlTester.Response reviewed = review("d1", "ana", "APPROVE", "Income checked by phone");
		reviewed.path("review.reviewState").entity(String.class).isEqualTo("APPROVED");
		reviewed.path("review.reviews[0].approver.id").entity(String.class).isEqualTo(id("ana"));
		reviewed.path("review.reviews[0].verdict").entity(String.class).isEqualTo("APPROVE");
		reviewed.path("review.reviews[0].rationale").entity(String.class).isEqualTo("Income checked by phone");
		reviewed.path("review.reviews[0].at").entity(String.class).isEqualTo("2026-11-02T11:00:00Z");
		queue(this.officer, false).path("reviewQueue.edges[*].node.decision.id")
			.entityList(String.class)
			.containsExactly(id("d2"));
	}

	@Test
	void anApproverWithoutAnAllowedRoleIsForbiddenAndNothingIsWritten() {
		review("d1", "bob", "APPROVE", "looks fine").errors().satisfy(errors -> assertAll(errors, "FORBIDDEN"));
		GraphQlTester.Response decision = this.graphQl.documentName("decisionGovernance")
			.variable("id", id("d1"))
			.execute();
		decision.path("node.reviewState").entity(String.class).isEqualTo("PENDING");
		decision.path("node.reviews").entityList(Object.class).hasSize(0);
	}

	@Test
	void aSecondReviewIsAConflict() {
		review("d2", "ana", "REJECT", "Stale bureau data").path("review.reviewState")
			.entity(String.class)
			.isEqualTo("REJECTED");
		review("d2", "ana", "APPROVE", "changed my mind").errors().satisfy(errors -> assertAll(errors, "CONFLICT"));
		this.graphQl.documentName("decisionGovernance")
			.variable("id", id("d2"))
			.execute()
			.path("node.reviews[*].verdict")
			.entityList(String.class)
			.containsExactly("REJECT");
	}

	@Test
	void aReviewNeedsARationaleAKnownDecisionAndAKnownApprover() {
		review("d1", "ana", "APPROVE", " ").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		review("ghost", "ana", "APPROVE", "why").errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		review("d1", "ghost", "APPROVE", "why").errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		queue(this.officer, false).path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void aRejectedDecisionsExecutedActionsAreInItsRollbackScope() {
		review("d1", "ana", "REJECT", "Fraud pattern").path("review.reviewState")
			.entity(String.class)
			.isEqualTo("REJECTED");
		this.graphQl.documentName("rollbackScope")
			.variable("id", id("d1"))
			.execute()
			.path("rollbackScope.steps.edges[*].node.action.id")
			.entityList(String.class)
			.containsExactly(id("a2"), id("a1"));
	}

	@Test
	void theQueueIsPaged() {
		GraphQlTester.Response first = this.graphQl.documentName("reviewQueue")
			.variable("role", this.officer)
			.variable("first", 1)
			.execute();
		first.path("reviewQueue.totalCount").entity(Integer.class).isEqualTo(2);
		first.path("reviewQueue.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("reviewQueue.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("reviewQueue")
			.variable("role", this.officer)
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.path("reviewQueue.edges[*].node.decision.id")
			.entityList(String.class)
			.containsExactly(id("d1"));
	}

	private GraphQlTester.Response queue(String role, boolean overdueOnly) {
		return this.graphQl.documentName("reviewQueue")
			.variable("role", role)
			.variable("overdueOnly", overdueOnly)
			.execute();
	}

	private GraphQlTester.Response review(String decision, String approver, String verdict, String rationale) {
		return this.graphQl.documentName("review")
			.variable("decisionId", id(decision))
			.variable("approverId", id(approver))
			.variable("verdict", verdict)
			.variable("rationale", rationale)
			.execute();
	}

}
