package dev.provenant.governance;

import java.util.List;
import java.util.Map;

import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent being governed does not write the rules that govern it: policies, approvers
 * and approvers' roles are written by governors and admins; an approval a writer sends
 * with a decision is its own statement (attested), not the approver's review (verified).
 */
class SeparationOfDutiesIT extends GraphQlIT {

	@Test
	void aWriterCannotCreateAPolicyOrAnApproverAndNothingOfItsBatchIsWritten() {
		long head = head();
		for (Story story : List.of(story().dataSource("src").policy("pol"),
				story().dataSource("src").approver("ana").with("role", "officer"))) {
			as(TestKeys.WRITER).documentName("ingest")
				.variable("batch", story.batch())
				.execute()
				.errors()
				.satisfy(errors -> Errors.assertAll(errors, "FORBIDDEN"));
		}
		assertThat(head()).as("no event: nothing was written").isEqualTo(head);
		for (String local : List.of("src", "pol", "ana")) {
			this.graphQl.document("query($id: ID!) { node(id: $id) { id } }")
				.variable("id", id(local))
				.execute()
				.path("node")
				.valueIsNull();
		}
	}

	@Test
	void aWriterCannotChangeAnApproversRole() {
		story().approver("ana").with("role", "officer").ingest(as(TestKeys.GOVERNOR));
		as(TestKeys.WRITER).documentName("ingest")
			.variable("batch", story().approver("ana").with("role", "chief").batch())
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "FORBIDDEN"));
	}

	@Test
	void aWriterReferencesGovernanceRecordsAGovernorWrote() {
		governed(as(TestKeys.GOVERNOR));
		// Sent again unchanged, a governance record is referenced, not written.
		story().policy("pol")
			.with("approverRoles", List.of("officer"))
			.decision("d", "2026-11-02T09:00:00Z")
			.with("policy", "pol")
			.ingest(as(TestKeys.WRITER));
	}

	@Test
	void anApprovalSentWithADecisionIsAttestedByItsWriterAndAReviewIsVerified() {
		governed(as(TestKeys.GOVERNOR));
		story().decision("d", "2026-11-02T09:00:00Z")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("approvedBy", List.of("ana"))
			.decision("p", "2026-11-02T09:00:00Z")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.ingest(as(TestKeys.WRITER));
		approve("p", "ana");

		Map<String, Object> attested = approvals("d").get(0);
		assertThat(attested).containsEntry("kind", "ATTESTED").containsEntry("attestedBy", "test-writer");
		assertThat(approvals("d")).hasSize(1);
		assertThat(approvals("p")).singleElement()
			.satisfies(verified -> assertThat(verified).containsEntry("kind", "VERIFIED")
				.containsEntry("attestedBy", null));
		assertThat(prov("d")).contains("\"provenant:approval\":\"ATTESTED\"",
				"\"provenant:attestedBy\":\"test-writer\"");
		assertThat(prov("p")).contains("\"provenant:approval\":\"VERIFIED\"").doesNotContain("attestedBy");
		this.graphQl.document("query($id: ID!) { lineage(id: $id, depth: 1) { edges { type approval attestedBy } } }")
			.variable("id", id("d"))
			.execute()
			.path("lineage.edges[?(@.type == 'APPROVED_BY')].approval")
			.entityList(String.class)
			.containsExactly("ATTESTED");
		this.graphQl.document("query($id: ID!) { node(id: $id) { ... on Decision { reviews { verdict } } } }")
			.variable("id", id("d"))
			.execute()
			.path("node.reviews")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void anAttestedApprovalUnderAPolicyThatRequiresReviewIsAViolation() {
		story().approver("ana")
			.with("role", "officer")
			.policy("strict")
			.with("approverRoles", List.of("officer"))
			.with("requireVerifiedReview", true)
			.ingest(as(TestKeys.GOVERNOR));
		story().decision("d", "2026-11-02T09:00:00Z")
			.with("policy", "strict")
			.with("route", "HUMAN_REVIEW")
			.with("approvedBy", List.of("ana"))
			.ingest(as(TestKeys.WRITER));
		assertViolation("d", "ATTESTED_APPROVAL");
	}

	@Test
	void anAttestedApprovalByAnApproverWhoseRoleThePolicyDoesNotAllowIsAViolation() {
		story().approver("intern")
			.with("role", "intern")
			.policy("pol")
			.with("approverRoles", List.of("officer"))
			.ingest(as(TestKeys.GOVERNOR));
		story().decision("d", "2026-11-02T09:00:00Z")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("approvedBy", List.of("intern"))
			.ingest(as(TestKeys.WRITER));
		assertViolation("d", "UNAUTHORIZED_APPROVER");
	}

	@Test
	void anAttestedApprovalWithinThePolicyIsNoViolation() {
		governed(as(TestKeys.GOVERNOR));
		story().decision("d", "2026-11-02T09:00:00Z")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("approvedBy", List.of("ana"))
			.ingest(as(TestKeys.WRITER));
		decision("d").path("node.policyViolation").entity(Boolean.class).isEqualTo(false);
		decision("d").path("node.reviewState").entity(String.class).isEqualTo("APPROVED");
	}

	/** Approver ana, an officer, and policy pol, which officers review. */
	private void governed(HttpGraphQlTester governor) {
		story().approver("ana")
			.with("role", "officer")
			.policy("pol")
			.with("approverRoles", List.of("officer"))
			.ingest(governor);
	}

	private void assertViolation(String local, String code) {
		decision(local).path("node.policyViolation").entity(Boolean.class).isEqualTo(true);
		decision(local).path("node.escalationReasons[*].code")
			.entityList(String.class)
			.satisfies(codes -> assertThat(codes).contains(code));
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response decision(String local) {
		return this.graphQl
			.document("query($id: ID!) { node(id: $id) { ... on Decision { policyViolation reviewState "
					+ "escalationReasons { code } } } }")
			.variable("id", id(local))
			.execute();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> approvals(String local) {
		return (List<Map<String, Object>>) (List<?>) this.graphQl
			.document("query($id: ID!) { node(id: $id) { ... on Decision { approvals { kind attestedBy "
					+ "approver { id } at } } } }")
			.variable("id", id(local))
			.execute()
			.path("node.approvals")
			.entityList(Map.class)
			.get();
	}

	/** The decision's PROV document, as the REST export serves it. */
	private String prov(String local) {
		return http(TestKeys.READER).get()
			.uri("/api/v1/prov/" + id(local))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private long head() {
		try (var session = this.driver.session()) {
			return session.run("MATCH (h:AuditHead) RETURN h.sequence AS s").single().get("s").asLong();
		}
	}

}
