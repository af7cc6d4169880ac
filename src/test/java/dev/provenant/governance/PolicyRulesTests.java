package dev.provenant.governance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.graph.Policy;
import dev.provenant.graph.Route;
import dev.provenant.graph.Utc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyRulesTests {

	private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-02T09:00:00Z");

	private static Proposal proposal() {
		return new Proposal("d", AT, 0.9, null, null, null, List.of());
	}

	@Test
	void withoutAPolicyTheConfiguredDefaultRouteApplies() {
		PolicyRules autonomous = new PolicyRules(
				new GovernanceProperties(Route.AUTONOMOUS, Duration.ofHours(24), Duration.ofSeconds(15)));
		Assessment assessment = autonomous.assess(proposal(), null, List.of());
		assertThat(assessment.route()).isEqualTo(Route.AUTONOMOUS);
		assertThat(assessment.reasons()).isEmpty();

		PolicyRules review = new PolicyRules(
				new GovernanceProperties(Route.HUMAN_REVIEW, Duration.ofHours(2), Duration.ofSeconds(15)));
		Assessment escalated = review.assess(proposal(), null, List.of());
		assertThat(escalated.route()).isEqualTo(Route.HUMAN_REVIEW);
		assertThat(escalated.reviewDeadline()).isEqualTo(AT.plusHours(2));
	}

	@Test
	void aQuarantinedInputEscalatesEvenWithoutAPolicy() {
		PolicyRules rules = new PolicyRules(
				new GovernanceProperties(Route.AUTONOMOUS, Duration.ofHours(24), Duration.ofSeconds(15)));
		Assessment assessment = rules.assess(proposal(), null, List.of("ds:bad"));
		assertThat(assessment.route()).isEqualTo(Route.HUMAN_REVIEW);
		assertThat(assessment.reasons()).singleElement().satisfies(r -> assertThat(r.nodeId()).isEqualTo("ds:bad"));
	}

	@Test
	void aDeadlinePastTheLastRecordableInstantIsCappedThereInsteadOfOverflowing() {
		PolicyRules rules = new PolicyRules(
				new GovernanceProperties(Route.HUMAN_REVIEW, Duration.ofHours(24), Duration.ofSeconds(15)));
		Policy longestSla = new Policy("pol", null, AT, null, false, null, null, null, List.of(),
				"PT9223372036854775807S", true, false);
		assertThat(rules.deadline(AT, longestSla)).isEqualTo(Utc.END_OF_TIME);
		assertThat(rules.deadline(OffsetDateTime.parse("9999-12-31T12:00:00Z"), null)).isEqualTo(Utc.END_OF_TIME);
		assertThat(rules.deadline(AT, null)).isEqualTo(AT.plusHours(24));
	}

}
