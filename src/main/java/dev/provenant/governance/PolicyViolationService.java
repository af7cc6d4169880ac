package dev.provenant.governance;

import dev.provenant.api.Connection;
import dev.provenant.graph.Decision;
import dev.provenant.impact.TimeWindow;
import dev.provenant.store.NodeMapping;
import dev.provenant.store.PagedQueries;

import org.springframework.stereotype.Service;

/**
 * The auditors' list of decisions that went out alone although policy required review.
 */
@Service
public class PolicyViolationService {

	private final PagedQueries pages;

	PolicyViolationService(PagedQueries pages) {
		this.pages = pages;
	}

	public Connection<PolicyViolation> violations(TimeWindow window, Integer first, String after) {
		return this.pages.page("governance/policy_violations", "governance/policy_violations_count",
				window.parameters(), first, after, row -> {
					Decision decision = (Decision) NodeMapping.toNode(row.get("d"));
					return new PolicyViolation(decision, decision.escalationReasons());
				});
	}

}
