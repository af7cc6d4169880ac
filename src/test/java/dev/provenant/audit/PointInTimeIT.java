package dev.provenant.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * As an auditor would check it: ingest, quarantine, ingest more, review, roll back and
 * release over a sequence of instants, asking the same questions after each step; then
 * ask them again as of each instant and expect, to the letter, what was answered then.
 */
class PointInTimeIT extends GraphQlIT {

	@Test
	void answersAsOfAnInstantAreTheAnswersGivenAtThatInstant() {
		Map<String, Object> answeredThen = new LinkedHashMap<>();

		at("2026-11-03T10:00:00Z");
		story().dataSource("crm")
			.feature("f", "crm")
			.model("m", "f")
			.add("policies", "id", "pol", "approverRoles", List.of(id("officer")))
			.approver("ana")
			.with("role", id("officer"))
			.decision("d1", "2026-11-03T09:59:00Z", "f")
			.with("modelVersion", "m")
			.with("policy", "pol")
			.action("a1", "2026-11-03T09:59:30Z", "d1")
			.action("a2", "2026-11-03T09:59:40Z", "d1", "a1")
			.decision("p1", "2026-11-03T09:58:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
		answeredThen.put("2026-11-03T10:00:00Z", ask(null));

		at("2026-11-03T11:00:00Z");
		quarantine("crm");
		answeredThen.put("2026-11-03T11:00:00Z", ask(null));

		at("2026-11-03T12:00:00Z");
		story().feature("g", "crm")
			.decision("d2", "2026-11-03T11:59:00Z", "g")
			.with("modelVersion", "m")
			.with("policy", "pol")
			.action("a3", "2026-11-03T11:59:30Z", "d2")
			.ingest(this.graphQl);
		answeredThen.put("2026-11-03T12:00:00Z", ask(null));

		at("2026-11-03T13:00:00Z");
		this.graphQl.documentName("review")
			.variable("decisionId", id("p1"))
			.variable("approverId", id("ana"))
			.variable("verdict", "APPROVE")
			.variable("rationale", "documents verified")
			.execute()
			.path("review.reviewState")
			.entity(String.class)
			.isEqualTo("APPROVED");
		answeredThen.put("2026-11-03T13:00:00Z", ask(null));

		at("2026-11-03T14:00:00Z");
		markRolledBack("a2", "ops", "model under review");
		answeredThen.put("2026-11-03T14:00:00Z", ask(null));

		at("2026-11-03T15:00:00Z");
		release("crm");
		answeredThen.put("2026-11-03T15:00:00Z", ask(null));

		at("2026-11-04T00:00:00Z");
		answeredThen.forEach((instant, then) -> assertThat(ask(instant)).as("as of %s", instant).isEqualTo(then));

		// The steps really changed the answers: the comparison above is not between
		// identical snapshots.
		assertThat(answeredThen.values()).doesNotHaveDuplicates();
	}

	@Test
	void beforeANodeWasRecordedItIsNotThere() {
		at("2026-11-05T10:00:00Z");
		story().dataSource("late").ingest(this.graphQl);
		this.graphQl.document("query($id: ID!) { node(id: $id, asOf: \"2026-11-05T09:59:59Z\") { id } }")
			.variable("id", id("late"))
			.execute()
			.path("node")
			.valueIsNull();
		this.graphQl.document("query($id: ID!) { lineage(id: $id, asOf: \"2026-11-05T09:59:59Z\") { truncated } }")
			.variable("id", id("late"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		this.graphQl
			.document("query($id: ID!) { blastRadius(id: $id, asOf: \"2026-11-05T09:59:59Z\") { decisionCount } }")
			.variable("id", id("late"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "NOT_FOUND"));
	}

	private void at(String instant) {
		this.clock.set(Instant.parse(instant));
	}

	private Map<String, Object> ask(String asOf) {
		GraphQlTester.Response response = this.graphQl.documentName("pointInTime")
			.variable("decision", id("d1"))
			.variable("pending", id("p1"))
			.variable("action", id("a2"))
			.variable("source", id("crm"))
			.variable("asOf", asOf)
			.execute();
		response.errors().verify();
		return response.returnResponse().getData();
	}

}
