package dev.provenant.governance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.provenant.graph.Policy;
import dev.provenant.graph.Reason;
import dev.provenant.graph.Reason.ReasonCode;
import dev.provenant.graph.Route;
import dev.provenant.graph.Utc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The escalation rules, with everything they need handed in: no database access, so the
 * same rules serve {@code assess} on an agent's hot path and the policy-violation check
 * at ingest.
 */
@Component
@EnableConfigurationProperties(GovernanceProperties.class)
class PolicyRules {

	private final GovernanceProperties properties;

	PolicyRules(GovernanceProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param policy the decision's policy, or {@code null} when it names none
	 * @param quarantined the quarantined nodes among its inputs or upstream of them
	 */
	Assessment assess(Proposal proposal, Policy policy, List<String> quarantined) {
		List<Reason> reasons = new ArrayList<>();
		if (policy == null) {
			if (this.properties.noPolicyRoute() == Route.HUMAN_REVIEW) {
				reasons.add(new Reason(ReasonCode.NO_POLICY,
						"No policy governs this decision; such decisions go to review (provenant.governance.no-policy-route)",
						null));
			}
		}
		else {
			thresholds(proposal, policy, reasons);
		}
		if (policy == null || policy.escalateOnQuarantinedInput()) {
			quarantined.forEach(id -> reasons
				.add(new Reason(ReasonCode.QUARANTINED_INPUT, "Depends on '" + id + "', which is quarantined", id)));
		}
		if (reasons.isEmpty()) {
			return new Assessment(Route.AUTONOMOUS, List.of(), List.of(), null);
		}
		return new Assessment(Route.HUMAN_REVIEW, List.copyOf(reasons), requiredRoles(policy),
				deadline(proposal.occurredAt(), policy));
	}

	/** Who may review decisions under this policy; empty means any approver. */
	List<String> requiredRoles(Policy policy) {
		return (policy == null) ? List.of() : List.copyOf(policy.approverRoles());
	}

	/**
	 * occurredAt plus the policy's reviewSla, or the configured default. A deadline past
	 * the last instant Provenant can record is never due, so it is capped there: adding a
	 * long SLA to a late decision would otherwise overflow.
	 */
	OffsetDateTime deadline(OffsetDateTime occurredAt, Policy policy) {
		Duration sla = (policy != null && policy.reviewSla() != null) ? Duration.parse(policy.reviewSla())
				: this.properties.defaultReviewSla();
		if (sla.compareTo(Duration.between(occurredAt, Utc.END_OF_TIME)) >= 0) {
			return Utc.END_OF_TIME;
		}
		return Utc.of(occurredAt.plus(sla));
	}

	// Thresholds are inclusive, and a value the decision does not give is not checked.
	private static void thresholds(Proposal proposal, Policy policy, List<Reason> reasons) {
		if (below(proposal.confidence(), policy.minConfidence())) {
			reasons.add(new Reason(ReasonCode.LOW_CONFIDENCE, "Confidence " + proposal.confidence()
					+ " is below the policy's minimum of " + policy.minConfidence(), policy.id()));
		}
		if (below(proposal.dataQuality(), policy.minDataQuality())) {
			reasons.add(new Reason(ReasonCode.LOW_DATA_QUALITY, "Data quality " + proposal.dataQuality()
					+ " is below the policy's minimum of " + policy.minDataQuality(), policy.id()));
		}
		if (proposal.riskScore() != null && policy.maxRiskScore() != null
				&& proposal.riskScore() > policy.maxRiskScore()) {
			reasons.add(new Reason(ReasonCode.HIGH_RISK,
					"Risk score " + proposal.riskScore() + " is above the policy's maximum of " + policy.maxRiskScore(),
					policy.id()));
		}
	}

	private static boolean below(Double value, Double minimum) {
		return value != null && minimum != null && value < minimum;
	}

}
