package dev.provenant.security;

import java.util.List;
import java.util.Map;

import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role reaches its operations and nothing else; a call without a credential is
 * UNAUTHORIZED, one without the role FORBIDDEN, and neither writes anything. The actor in
 * the audit log is always the authenticated principal.
 */
class RolesIT extends GraphQlIT {

	@BeforeEach
	void tellTheStory() {
		story().dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "pol", "approverRoles", List.of("sec-officer"))
			.decision("p", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.decision("q", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.action("a", "2026-11-02T09:01:00Z", "p")
			.ingest(this.graphQl);
		this.graphQl.documentName("ingest")
			.variable("batch",
					Map.of("approvers",
							List.of(Map.of("id", TestKeys.REVIEWER_PRINCIPAL, "role", "sec-officer"),
									Map.of("id", TestKeys.MAPPED_APPROVER, "role", "sec-officer"))))
			.execute()
			.errors()
			.verify();
	}

	@Test
	void readersReadAndNothingElse() {
		HttpGraphQlTester reader = as(TestKeys.READER);
		node(reader, "crm").path("node.kind").entity(String.class).isEqualTo("DATA_SOURCE");
		forbidden(auditTrail(reader, "crm"));
		forbidden(ingestSource(reader, "new"));
		forbidden(quarantine(reader, "crm"));
		forbidden(markRolledBack(reader, "a"));
		forbidden(review(reader, "p", null));
		assertNothingWritten("new", "crm", "a", "p");
	}

	@Test
	void writersIngestAndNothingElse() {
		HttpGraphQlTester writer = as(TestKeys.WRITER);
		ingestSource(writer, "new").path("ingest.created").entity(Integer.class).isEqualTo(1);
		forbidden(node(writer, "crm"));
		forbidden(quarantine(writer, "crm"));
		assertThat(actors("new")).containsExactly("test-writer");
	}

	@Test
	void operatorsQuarantineAndRollBackAndNothingElse() {
		HttpGraphQlTester operator = as(TestKeys.OPERATOR);
		quarantine(operator, "crm").path("quarantine.node.quarantined").entity(Boolean.class).isEqualTo(true);
		markRolledBack(operator, "a").path("markRolledBack.rollback.actor")
			.entity(String.class)
			.isEqualTo("test-operator");
		forbidden(ingestSource(operator, "new"));
		forbidden(node(operator, "crm"));
		forbidden(auditTrail(operator, "crm"));
		assertThat(actors("crm")).startsWith("test-operator");
		assertThat(actors("a")).startsWith("test-operator");
	}

	@Test
	void auditorsReadTheLogAndThePastButDoNotWrite() {
		HttpGraphQlTester auditor = as(TestKeys.AUDITOR);
		auditTrail(auditor, "crm").path("auditTrail.totalCount").entity(Integer.class).isEqualTo(1);
		auditor.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
		auditor.document("query($id: ID!) { node(id: $id, asOf: \"2030-01-01T00:00:00Z\") { id } }")
			.variable("id", id("crm"))
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo(id("crm"));
		forbidden(ingestSource(auditor, "new"));
		forbidden(quarantine(auditor, "crm"));
		assertNothingWritten("new", "crm");
	}

	@Test
	void aReviewerReviewsAsTheApproverItsPrincipalNames() {
		HttpGraphQlTester reviewer = as(TestKeys.REVIEWER);
		forbidden(review(reviewer, "p", TestKeys.MAPPED_APPROVER));
		review(reviewer, "p", null).path("review.reviews[0].approver.id")
			.entity(String.class)
			.isEqualTo(TestKeys.REVIEWER_PRINCIPAL);
		forbidden(node(reviewer, "crm"));
		forbidden(quarantine(reviewer, "crm"));
		assertThat(actors("p")).startsWith(TestKeys.REVIEWER_PRINCIPAL);
	}

	@Test
	void aMappedReviewerActsAsItsMappedApprover() {
		HttpGraphQlTester bob = as(TestKeys.MAPPED_REVIEWER);
		forbidden(review(bob, "q", "bob"));
		forbidden(review(bob, "q", TestKeys.REVIEWER_PRINCIPAL));
		review(bob, "q", TestKeys.MAPPED_APPROVER).path("review.reviews[0].approver.id")
			.entity(String.class)
			.isEqualTo(TestKeys.MAPPED_APPROVER);
		assertThat(actors("q")).startsWith("bob");
	}

	@Test
	void anAdminMayDoEverythingAndReviewOnSomeonesBehalf() {
		HttpGraphQlTester admin = as(TestKeys.ADMIN);
		node(admin, "crm").path("node.kind").entity(String.class).isEqualTo("DATA_SOURCE");
		ingestSource(admin, "new").path("ingest.created").entity(Integer.class).isEqualTo(1);
		review(admin, "p", TestKeys.MAPPED_APPROVER).path("review.reviews[0].approver.id")
			.entity(String.class)
			.isEqualTo(TestKeys.MAPPED_APPROVER);
		assertThat(actors("p")).startsWith("test-admin");
	}

	@Test
	void noCredentialIsUnauthorizedAndWritesNothing() {
		HttpGraphQlTester nobody = as(null);
		unauthorized(node(nobody, "crm"));
		unauthorized(ingestSource(nobody, "new"));
		unauthorized(quarantine(nobody, "crm"));
		unauthorized(nobody.documentName("verifyAuditLog").execute());
		assertNothingWritten("new", "crm");
	}

	@Test
	void introspectionNeedsNoCredentialSoGraphiQlCanLoadTheSchema() {
		as(null).document("{ __schema { queryType { name } } }")
			.execute()
			.path("__schema.queryType.name")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void aBadKeyIsRefusedAtTheDoorAndWritesNothing() {
		String ingest = "{\"query\":\"mutation { ingest(batch: {dataSources: [{id: \\\"" + id("new")
				+ "\\\"}]}) { created } }\"}";
		for (String[] header : List.of(new String[] { "X-API-Key", "not-a-key" },
				new String[] { "Authorization", "Bearer not-a-key" })) {
			http(null).post()
				.uri("/graphql")
				.header(header[0], header[1])
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(ingest)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("UNAUTHORIZED")
				.jsonPath("$.errors[0].message")
				.value(String.class, message -> assertThat(message).doesNotContain("not-a-key"));
		}
		assertNothingWritten("new");
	}

	@Test
	void anApiKeyIsAcceptedAsABearerToken() {
		HttpGraphQlTester bearer = bearer(TestKeys.READER);
		node(bearer, "crm").path("node.kind").entity(String.class).isEqualTo("DATA_SOURCE");
	}

	@Test
	void healthIsOpenAndTheOtherActuatorEndpointsAreForAdmins() {
		http(null).get().uri("/actuator/health").exchange().expectStatus().isOk();
		http(null).get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		http(null).get()
			.uri("/actuator/metrics")
			.header("X-API-Key", TestKeys.READER)
			.exchange()
			.expectStatus()
			.isForbidden();
		http(null).get().uri("/actuator/metrics").header("X-API-Key", TestKeys.ADMIN).exchange().expectStatus().isOk();
	}

	private GraphQlTester.Response node(GraphQlTester tester, String local) {
		return tester.documentName("node").variable("id", id(local)).execute();
	}

	private GraphQlTester.Response auditTrail(GraphQlTester tester, String local) {
		return tester.documentName("auditTrail").variable("id", id(local)).execute();
	}

	private GraphQlTester.Response ingestSource(GraphQlTester tester, String local) {
		return tester.documentName("ingest")
			.variable("batch", Map.of("dataSources", List.of(Map.of("id", id(local)))))
			.execute();
	}

	private GraphQlTester.Response quarantine(GraphQlTester tester, String local) {
		return tester.documentName("quarantine")
			.variable("id", id(local))
			.variable("reason", "suspect")
			.variable("note", "INC-7")
			.execute();
	}

	private GraphQlTester.Response markRolledBack(GraphQlTester tester, String local) {
		return tester.documentName("markRolledBack")
			.variable("actionId", id(local))
			.variable("note", "someone-else")
			.variable("reason", "bad model")
			.execute();
	}

	private GraphQlTester.Response review(GraphQlTester tester, String local, String approverId) {
		return tester.documentName("review")
			.variable("decisionId", id(local))
			.variable("approverId", approverId)
			.variable("verdict", "APPROVE")
			.variable("rationale", "checked")
			.execute();
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> Errors.assertAll(errors, "FORBIDDEN"));
	}

	private static void unauthorized(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> Errors.assertAll(errors, "UNAUTHORIZED"));
	}

	/** The actors of a node's audit events, newest first. */
	private List<String> actors(String local) {
		return auditTrail(this.graphQl, local).path("auditTrail.edges[*].node.actor").entityList(String.class).get();
	}

	/**
	 * The nodes are as the story left them: unknown ones absent, known ones with only the
	 * story's ingest in their audit trail, nothing quarantined, rolled back or reviewed.
	 */
	private void assertNothingWritten(String... locals) {
		for (String local : locals) {
			GraphQlTester.Response trail = auditTrail(this.graphQl, local);
			trail.path("auditTrail.edges[*].node.operation").entityList(String.class).satisfies(operations -> {
				assertThat(operations).as(local).allMatch("INGEST"::equals);
				assertThat(operations).as(local).hasSizeLessThanOrEqualTo(1);
			});
		}
		node(this.graphQl, "new").path("node").valueIsNull();
	}

}
