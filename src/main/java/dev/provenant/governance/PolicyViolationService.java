package dev.provenant.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.PageRequest;
import dev.provenant.graph.Decision;
import dev.provenant.impact.TimeWindow;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;

import org.springframework.stereotype.Service;

/**
 * The auditors' list of decisions that went out alone although policy required review.
 */
@Service
public class PolicyViolationService {

	private final GraphStore store;

	private final ApiProperties api;

	PolicyViolationService(GraphStore store, ApiProperties api) {
		this.store = store;
		this.api = api;
	}

	public Connection<PolicyViolation> violations(TimeWindow window, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, this.api.maxPageSize());
		Map<String, Object> parameters = new java.util.HashMap<>(window.parameters());
		parameters.put("skip", page.offset());
		parameters.put("limit", page.size());
		return this.store.read(tx -> {
			List<PolicyViolation> items = new ArrayList<>();
			this.store.run(tx, "governance/policy_violations", parameters).forEachRemaining(row -> {
				Decision decision = (Decision) NodeMapping.toNode(row.get("d"));
				items.add(new PolicyViolation(decision, decision.escalationReasons()));
			});
			int total = this.store.run(tx, "governance/policy_violations_count", parameters)
				.single()
				.get("total")
				.asInt();
			return page.page(items, total);
		});
	}

}
