package dev.provenant.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;

/**
 * The story: data source crm feeds feature base, which feeds feature ratio; model m is
 * trained on data source ledger and uses ratio; policy pol wants confidence ≥ 0.8, data
 * quality ≥ 0.7 and risk ≤ 0.4, reviewed by the test's officers within 4 hours; policy
 * lax does not escalate on quarantined inputs.
 */
class AssessIT extends GraphQlIT {

	private static final String AT = "2026-11-02T09:00:00Z";

	private Story story;

	private String officer;

	@BeforeEach
	void tellTheStory() {
		this.officer = id("officer");
		this.story = story().dataSource("crm")
			.dataSource("ledger")
			.feature("base", "crm")
			.feature("ratio", "base")
			.model("m", "ratio")
			.with("trainedOn", List.of("ledger"))
			.prompt("p")
			.add("policies", "id", "pol", "minConfidence", 0.8, "minDataQuality", 0.7, "maxRiskScore", 0.4,
					"approverRoles", List.of(this.officer), "reviewSla", "PT4H")
			.add("policies", "id", "lax", "escalateOnQuarantinedInput", false);
		this.story.ingest(this.graphQl);
	}

	@Test
	void valuesOnTheThresholdsPass() {
		GraphQlTester.Response response = assess(proposal("pol", 0.8, 0.7, 0.4));
		response.path("assess.route").entity(String.class).isEqualTo("AUTONOMOUS");
		response.path("assess.reasons").entityList(Object.class).hasSize(0);
		response.path("assess.requiredRoles").entityList(String.class).hasSize(0);
		response.path("assess.reviewDeadline").valueIsNull();
	}

	@Test
	void eachThresholdJustCrossedIsAReason() {
		assess(proposal("pol", 0.79, null, null)).path("assess.reasons[*].code")
			.entityList(String.class)
			.containsExactly("LOW_CONFIDENCE");
		assess(proposal("pol", null, 0.69, null)).path("assess.reasons[*].code")
			.entityList(String.class)
			.containsExactly("LOW_DATA_QUALITY");
		assess(proposal("pol", null, null, 0.41)).path("assess.reasons[*].code")
			.entityList(String.class)
			.containsExactly("HIGH_RISK");
	}

	@Test
	void anEscalationNamesEveryReasonWhoMayReviewAndByWhen() {
		GraphQlTester.Response response = assess(proposal("pol", 0.5, 0.5, 0.9));
		response.path("assess.route").entity(String.class).isEqualTo("HUMAN_REVIEW");
		response.path("assess.reasons[*].code")
			.entityList(String.class)
			.containsExactly("LOW_CONFIDENCE", "LOW_DATA_QUALITY", "HIGH_RISK");
		response.path("assess.reasons[*].nodeId")
			.entityList(String.class)
			.containsExactly(id("pol"), id("pol"), id("pol"));
		response.path("assess.reasons[0].detail").entity(String.class).satisfies(detail -> {
			org.assertj.core.api.Assertions.assertThat(detail).contains("0.5", "0.8");
		});
		response.path("assess.requiredRoles").entityList(String.class).containsExactly(this.officer);
		response.path("assess.reviewDeadline").entity(String.class).isEqualTo("2026-11-02T13:00:00Z");
	}

	@Test
	void valuesTheDecisionDoesNotGiveAreNotChecked() {
		assess(proposal("pol", null, null, null)).path("assess.route").entity(String.class).isEqualTo("AUTONOMOUS");
	}

	@Test
	void withoutAPolicyTheDefaultIsReviewWithTheDefaultDeadline() {
		GraphQlTester.Response response = assess(proposal(null, 0.99, null, null));
		response.path("assess.route").entity(String.class).isEqualTo("HUMAN_REVIEW");
		response.path("assess.reasons[*].code").entityList(String.class).containsExactly("NO_POLICY");
		response.path("assess.requiredRoles").entityList(String.class).hasSize(0);
		response.path("assess.reviewDeadline").entity(String.class).isEqualTo("2026-11-03T09:00:00Z");
	}

	@Test
	void aQuarantinedDataSourceTwoOrThreeHopsUpstreamEscalates() {
		quarantine("crm");
		// ratio → base → crm: two hops from the feature the decision uses, three from the
		// decision.
		Map<String, Object> usesRatio = proposal("pol", 0.9, null, null);
		usesRatio.put("features", List.of(id("ratio")));
		GraphQlTester.Response response = assess(usesRatio);
		response.path("assess.route").entity(String.class).isEqualTo("HUMAN_REVIEW");
		response.path("assess.reasons[*].code").entityList(String.class).containsExactly("QUARANTINED_INPUT");
		response.path("assess.reasons[*].nodeId").entityList(String.class).containsExactly(id("crm"));

		// m uses ratio: crm is three hops upstream of the model version.
		Map<String, Object> usesModel = proposal("pol", 0.9, null, null);
		usesModel.put("modelVersion", id("m"));
		assess(usesModel).path("assess.reasons[*].nodeId").entityList(String.class).containsExactly(id("crm"));

		release("crm");
		assess(usesRatio).path("assess.route").entity(String.class).isEqualTo("AUTONOMOUS");
	}

	@Test
	void aFeatureRecordedInTheSameBatchAsTheDecisionPassesTheQuarantineOn() {
		quarantine("crm");
		story().feature("fresh", "base").decision("d", AT, "fresh").with("policy", "pol").ingest(this.graphQl);
		GraphQlTester.Response recorded = this.graphQl.documentName("decisionGovernance")
			.variable("id", id("d"))
			.execute();
		recorded.path("node.escalationReasons[*].code").entityList(String.class).containsExactly("QUARANTINED_INPUT");
		recorded.path("node.escalationReasons[*].nodeId").entityList(String.class).containsExactly(id("crm"));
		recorded.path("node.policyViolation").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aModelsTrainingDataAndTheInputsThemselvesCount() {
		quarantine("ledger");
		quarantine("p");
		Map<String, Object> decision = proposal("pol", 0.9, null, null);
		decision.put("modelVersion", id("m"));
		decision.put("promptVersion", id("p"));
		org.assertj.core.api.Assertions
			.assertThat(assess(decision).path("assess.reasons[*].nodeId").entityList(String.class).get())
			.containsExactlyInAnyOrder(id("ledger"), id("p"));
	}

	@Test
	void aPolicyMayChooseNotToEscalateOnQuarantine() {
		quarantine("crm");
		Map<String, Object> decision = proposal("lax", 0.9, null, null);
		decision.put("features", List.of(id("base")));
		assess(decision).path("assess.route").entity(String.class).isEqualTo("AUTONOMOUS");
	}

	@Test
	void aQuarantinedPolicyIsAQuarantinedInput() {
		quarantine("pol");
		assess(proposal("pol", 0.9, null, null)).path("assess.reasons[*].nodeId")
			.entityList(String.class)
			.containsExactly(id("pol"));
	}

	@Test
	void assessWritesNothing() {
		assess(proposal("pol", 0.1, null, null)).path("assess.route").entity(String.class).isEqualTo("HUMAN_REVIEW");
		this.graphQl.documentName("node").variable("id", id("proposed")).execute().path("node").valueIsNull();
	}

	@Test
	void referencesAndValuesAreCheckedAsInIngest() {
		Map<String, Object> unknown = proposal("pol", 0.9, null, null);
		unknown.put("features", List.of(id("ghost")));
		assess(unknown).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));

		Map<String, Object> wrongKind = proposal("pol", 0.9, null, null);
		wrongKind.put("modelVersion", id("crm"));
		assess(wrongKind).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));

		assess(proposal("pol", 1.5, null, null)).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		assess(proposal("ghost-policy", 0.9, null, null)).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	private Map<String, Object> proposal(String policy, Double confidence, Double dataQuality, Double riskScore) {
		Map<String, Object> decision = new HashMap<>();
		decision.put("id", id("proposed"));
		decision.put("occurredAt", AT);
		decision.put("outcome", "approve");
		decision.put("route", "AUTONOMOUS");
		decision.put("policy", (policy != null) ? id(policy) : null);
		decision.put("confidence", confidence);
		decision.put("dataQuality", dataQuality);
		decision.put("riskScore", riskScore);
		return decision;
	}

	private GraphQlTester.Response assess(Map<String, Object> decision) {
		return this.graphQl.documentName("assess").variable("decision", decision).execute();
	}

}
