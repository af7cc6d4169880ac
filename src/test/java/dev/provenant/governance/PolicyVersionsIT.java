package dev.provenant.governance;

import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies are immutable versions with governance fields; a new version names the one it
 * supersedes.
 */
class PolicyVersionsIT extends GraphQlIT {

	private static final String POLICY = """
			query($id: ID!) { node(id: $id) { ... on Policy {
			  minConfidence minDataQuality maxRiskScore approverRoles reviewSla escalateOnQuarantinedInput
			  supersedes { id }
			} } }
			""";

	@Test
	void aPolicyKeepsItsGovernanceFieldsAndTheVersionItSupersedes() {
		Story story = story().add("policies", "id", "v1", "minConfidence", 0.7)
			.add("policies", "id", "v2", "minConfidence", 0.8, "minDataQuality", 0.6, "maxRiskScore", 0.3,
					"approverRoles", List.of("credit-officer", "risk-lead"), "reviewSla", "P1DT4H",
					"escalateOnQuarantinedInput", false, "supersedes", "v1");
		story.ingest(this.graphQl);
		GraphQlTester.Response v2 = this.graphQl.document(POLICY).variable("id", id("v2")).execute();
		v2.path("node.minConfidence").entity(Double.class).isEqualTo(0.8);
		v2.path("node.minDataQuality").entity(Double.class).isEqualTo(0.6);
		v2.path("node.maxRiskScore").entity(Double.class).isEqualTo(0.3);
		v2.path("node.approverRoles").entityList(String.class).containsExactly("credit-officer", "risk-lead");
		v2.path("node.reviewSla").entity(String.class).isEqualTo("P1DT4H");
		v2.path("node.escalateOnQuarantinedInput").entity(Boolean.class).isEqualTo(false);
		v2.path("node.supersedes.id").entity(String.class).isEqualTo(id("v1"));

		GraphQlTester.Response v1 = this.graphQl.document(POLICY).variable("id", id("v1")).execute();
		v1.path("node.escalateOnQuarantinedInput").entity(Boolean.class).isEqualTo(true);
		v1.path("node.approverRoles").entityList(String.class).hasSize(0);
		v1.path("node.supersedes").valueIsNull();
	}

	@Test
	void aPolicyVersionIsImmutable() {
		story().add("policies", "id", "v1", "minConfidence", 0.7).ingest(this.graphQl);
		reject(story().add("policies", "id", "v1", "minConfidence", 0.9), "CONFLICT");
	}

	@Test
	void supersedingMustNameAPolicyAndFormNoCycle() {
		story().dataSource("crm").ingest(this.graphQl);
		assertThat(reject(story().add("policies", "id", "p", "supersedes", "crm"), "BAD_REQUEST"))
			.extracting(e -> e.getExtensions().get("code"))
			.containsExactly("WRONG_KIND");
		assertThat(reject(
				story().add("policies", "id", "a", "supersedes", "b").add("policies", "id", "b", "supersedes", "a"),
				"BAD_REQUEST"))
			.extracting(e -> e.getExtensions().get("code"))
			.containsExactly("CYCLE", "CYCLE");
	}

	@Test
	void governanceValuesOutOfRangeAreRejected() {
		List<ResponseError> errors = reject(story().add("policies", "id", "p1", "minConfidence", 1.2)
			.add("policies", "id", "p2", "maxRiskScore", -0.1)
			.add("policies", "id", "p3", "reviewSla", "4 hours")
			.add("policies", "id", "p4", "reviewSla", "-PT1H")
			.add("policies", "id", "p5", "approverRoles", List.of(" "))
			.decision("d1", "2026-11-01T10:00:00Z")
			.with("dataQuality", 1.01)
			.decision("d2", "2026-11-01T10:00:00Z")
			.with("riskScore", -1), "BAD_REQUEST");
		assertThat(errors).extracting(e -> e.getExtensions().get("field"))
			.containsExactlyInAnyOrder("minConfidence", "maxRiskScore", "reviewSla", "reviewSla", "approverRoles",
					"dataQuality", "riskScore");
	}

	private List<ResponseError> reject(Story story, String classification) {
		List<ResponseError> errors = new java.util.ArrayList<>();
		this.graphQl.documentName("ingest").variable("batch", story.batch()).execute().errors().satisfy(errors::addAll);
		assertAll(errors, classification);
		return errors;
	}

}
