package dev.provenant.governance;

import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Ingest records what happened, rules or not; an AUTONOMOUS decision that its assessment
 * at ingest would have sent to review is flagged as a policy violation. Decisions here
 * occur in 2041, a window no other test uses.
 */
class PolicyViolationIT extends GraphQlIT {

	private Story story;

	@BeforeEach
	void tellTheStory() {
		this.story = story().dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "pol", "minConfidence", 0.8, "approverRoles", List.of(id("officer")));
		this.story.ingest(this.graphQl);
	}

	@Test
	void anAutonomousDecisionBreakingPolicyIsRecordedAndFlagged() {
		story().decision("bad", "2041-01-01T10:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.5)
			.decision("good", "2041-01-01T11:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.8)
			.ingest(this.graphQl)
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(2);

		GraphQlTester.Response bad = governance("bad");
		bad.path("node.policyViolation").entity(Boolean.class).isEqualTo(true);
		bad.path("node.escalationReasons[*].code").entityList(String.class).containsExactly("LOW_CONFIDENCE");
		bad.path("node.reviewState").entity(String.class).isEqualTo("NOT_REQUIRED");
		governance("good").path("node.policyViolation").entity(Boolean.class).isEqualTo(false);

		GraphQlTester.Response violations = violations("2041-01-01T00:00:00Z", "2041-01-02T00:00:00Z", null, null);
		violations.path("policyViolations.totalCount").entity(Integer.class).isEqualTo(1);
		violations.path("policyViolations.edges[0].node.decision.id").entity(String.class).isEqualTo(id("bad"));
		violations.path("policyViolations.edges[0].node.reasons[0].code")
			.entity(String.class)
			.isEqualTo("LOW_CONFIDENCE");
	}

	@Test
	void aQuarantineInForceAtIngestMakesAnAutonomousDecisionAViolation() {
		quarantine("crm");
		story().decision("during", "2042-01-01T10:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.9)
			.ingest(this.graphQl);
		governance("during").path("node.escalationReasons[*].nodeId")
			.entityList(String.class)
			.containsExactly(id("crm"));

		release("crm");
		story().decision("after", "2042-01-01T11:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.9)
			.ingest(this.graphQl);
		governance("after").path("node.policyViolation").entity(Boolean.class).isEqualTo(false);
		// What was recorded stays as it was assessed then.
		governance("during").path("node.policyViolation").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void violationsAreListedNewestFirstAndPaged() {
		story().decision("v1", "2043-01-01T10:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.1)
			.decision("v2", "2043-01-01T12:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.1)
			.decision("v3", "2043-01-01T11:00:00Z", "f")
			.with("policy", "pol")
			.with("confidence", 0.1)
			.ingest(this.graphQl);
		GraphQlTester.Response first = violations("2043-01-01T00:00:00Z", "2043-01-02T00:00:00Z", 2, null);
		first.path("policyViolations.edges[*].node.decision.id")
			.entityList(String.class)
			.containsExactly(id("v2"), id("v3"));
		first.path("policyViolations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("policyViolations.pageInfo.endCursor").entity(String.class).get();
		violations("2043-01-01T00:00:00Z", "2043-01-02T00:00:00Z", 2, cursor)
			.path("policyViolations.edges[*].node.decision.id")
			.entityList(String.class)
			.containsExactly(id("v1"));
	}

	@Test
	void humanReviewDecisionsStartPendingUnlessTheyArriveApproved() {
		story().approver("ana")
			.with("role", id("officer"))
			.decision("waiting", "2044-01-01T10:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.decision("approved", "2044-01-01T10:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("approvedBy", List.of("ana"))
			.ingest(this.graphQl);
		GraphQlTester.Response waiting = governance("waiting");
		waiting.path("node.reviewState").entity(String.class).isEqualTo("PENDING");
		waiting.path("node.policyViolation").entity(Boolean.class).isEqualTo(false);
		waiting.path("node.requiredRoles").entityList(String.class).containsExactly(id("officer"));
		governance("approved").path("node.reviewState").entity(String.class).isEqualTo("APPROVED");
		// The recorded HUMAN_REVIEW decision is never a violation, and settles here so
		// other tests' queues stay clean.
		this.graphQl.documentName("review")
			.variable("decisionId", id("waiting"))
			.variable("approverId", id("ana"))
			.variable("verdict", "REJECT")
			.variable("rationale", "test done")
			.execute()
			.path("review.reviewState")
			.entity(String.class)
			.isEqualTo("REJECTED");
	}

	private GraphQlTester.Response governance(String local) {
		return this.graphQl.documentName("decisionGovernance").variable("id", id(local)).execute();
	}

	private GraphQlTester.Response violations(String from, String to, Integer first, String after) {
		return this.graphQl.documentName("policyViolations")
			.variable("from", from)
			.variable("to", to)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

}
