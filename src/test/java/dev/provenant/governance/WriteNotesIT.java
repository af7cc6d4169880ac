package dev.provenant.governance;

import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason and note a person gives with a quarantine, release, rollback mark or review
 * are readable where they belong (the node's history, the action's rollback record) and
 * on the audit event, and {@code actor} is the principal everywhere. The story: model m
 * made decision d (pending review under a policy only this test's officers, such as ana,
 * may review), carried out by action a.
 */
class WriteNotesIT extends GraphQlIT {

	private static final String EVENT = "{ sequence actor operation reason note }";

	@BeforeEach
	void tellTheStory() {
		// A role of this test's own, so that its pending decision is in no other test's
		// queue.
		story().model("m")
			.add("approvers", "id", "ana", "role", id("officer"))
			.add("policies", "id", "pol", "approverRoles", List.of(id("officer")))
			.decision("d", "2026-11-02T09:00:00Z")
			.with("modelVersion", "m")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.action("a", "2026-11-02T09:01:00Z", "d")
			.ingest(this.graphQl);
	}

	@Test
	void aQuarantinesReasonAndNoteAreInItsHistoryAndOnItsEvent() {
		mutation("quarantine(id: $id, reason: \"score drift\", note: \"INC-118\") { node { id } }", "m");
		Map<String, Object> entry = history("m").get(0);
		assertThat(entry).containsEntry("action", "QUARANTINE")
			.containsEntry("actor", "test-admin")
			.containsEntry("by", "test-admin")
			.containsEntry("reason", "score drift")
			.containsEntry("note", "INC-118");
		assertThat(newestEvent("m")).containsEntry("operation", "QUARANTINE")
			.containsEntry("actor", "test-admin")
			.containsEntry("reason", "score drift")
			.containsEntry("note", "INC-118");
	}

	@Test
	void theFormerByArgumentIsStillTheNoteAndBothAtOnceMustAgree() {
		mutation("quarantine(id: $id, reason: \"drift\", by: \"INC-7\") { node { id } }", "m");
		assertThat(history("m").get(0)).containsEntry("note", "INC-7").containsEntry("actor", "test-admin");

		long events = eventCount("m");
		mutation("release(id: $id, reason: \"fixed\", note: \"INC-8\", by: \"INC-9\") { node { id } }", "m").errors()
			.satisfy(errors -> {
				assertAll(errors, "BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).contains("'by'").contains("'note'");
			});
		assertThat(eventCount("m")).as("a refused release writes nothing").isEqualTo(events);
		assertThat(history("m")).hasSize(1);

		mutation("release(id: $id, reason: \"fixed\", note: \"INC-8\", by: \"INC-8\") { node { id } }", "m");
		assertThat(history("m").get(1)).containsEntry("action", "RELEASE").containsEntry("note", "INC-8");
	}

	@Test
	void aQuarantineWithoutNoteShowsNone() {
		mutation("quarantine(id: $id, reason: \"drift\") { node { id } }", "m");
		assertThat(history("m").get(0)).containsEntry("note", null);
		assertThat(newestEvent("m")).containsEntry("reason", "drift").containsEntry("note", null);
		mutation("release(id: $id, reason: \"fixed\", note: \"  \") { node { id } }", "m");
		assertThat(history("m").get(1)).as("a blank note is none, in the history as on the event")
			.containsEntry("note", null);
		assertThat(newestEvent("m")).containsEntry("note", null);
	}

	@Test
	void aRollbackMarksReasonAndNoteAreOnTheActionAndOnItsEvent() {
		Map<String, Object> rollback = mutation(
				"markRolledBack(actionId: $id, reason: \"model under review\", note: \"CHG-42\") "
						+ "{ rollback { actor by reason note } }",
				"a")
			.path("markRolledBack.rollback")
			.entity(Map.class)
			.get();
		assertThat(rollback).containsEntry("actor", "test-admin")
			.containsEntry("by", "test-admin")
			.containsEntry("reason", "model under review")
			.containsEntry("note", "CHG-42");
		assertThat(newestEvent("a")).containsEntry("operation", "MARK_ROLLED_BACK")
			.containsEntry("reason", "model under review")
			.containsEntry("note", "CHG-42");
	}

	@Test
	void aReviewsRationaleIsTheReasonOnItsEvent() {
		this.graphQl
			.document("mutation($d: ID!, $ana: ID!) { review(decisionId: $d, approverId: $ana, verdict: REJECT, "
					+ "rationale: \"income unverified\") { reviewState } }")
			.variable("d", id("d"))
			.variable("ana", id("ana"))
			.execute()
			.path("review.reviewState")
			.entity(String.class)
			.isEqualTo("REJECTED");
		assertThat(newestEvent("d")).containsEntry("operation", "REVIEW")
			.containsEntry("reason", "income unverified")
			.containsEntry("note", null);
	}

	@Test
	void theLogStillVerifiesWithNotesInIt() {
		mutation("quarantine(id: $id, reason: \"drift\", note: \"INC-1\") { node { id } }", "m");
		mutation("markRolledBack(actionId: $id, reason: \"undo\", note: \"CHG-1\") { id }", "a");
		this.graphQl.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private GraphQlTester.Response mutation(String field, String local) {
		return this.graphQl.document("mutation($id: ID!) { " + field + " }").variable("id", id(local)).execute();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> history(String local) {
		return (List<Map<String, Object>>) this.graphQl
			.document("{ quarantines(activeOnly: false) { node { id } history { action actor by reason note } } }")
			.execute()
			.path("quarantines[?(@.node.id == '" + id(local) + "')].history")
			.entityList(List.class)
			.get()
			.get(0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> newestEvent(String local) {
		return this.graphQl
			.document("query($id: ID!) { auditTrail(id: $id, first: 1) { edges { node " + EVENT + " } } }")
			.variable("id", id(local))
			.execute()
			.path("auditTrail.edges[0].node")
			.entity(Map.class)
			.get();
	}

	private long eventCount(String local) {
		return this.graphQl.document("query($id: ID!) { auditTrail(id: $id) { totalCount } }")
			.variable("id", id(local))
			.execute()
			.path("auditTrail.totalCount")
			.entity(Long.class)
			.get();
	}

}
