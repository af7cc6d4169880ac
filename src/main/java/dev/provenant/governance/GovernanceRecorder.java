package dev.provenant.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.provenant.graph.Policy;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.ReviewState;
import dev.provenant.graph.Route;
import dev.provenant.ingest.DecisionsRecorded;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.TransactionContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Assesses every decision an ingest records, in the ingest's own transaction (so against
 * the graph as it was at that moment, batch included). Ingest never refuses a decision
 * for breaking policy: an AUTONOMOUS decision that should have been reviewed is flagged
 * as a policy violation, with the reasons. HUMAN_REVIEW decisions enter the review queue
 * as PENDING, or APPROVED when they arrive with approvers.
 */
@Component
class GovernanceRecorder implements DecisionsRecorded {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	private final NodeReader nodes;

	private final QuarantinedInputs quarantine;

	private final PolicyRules rules;

	private final GovernanceMetrics metrics;

	GovernanceRecorder(GraphStore store, NodeReader nodes, QuarantinedInputs quarantine, PolicyRules rules,
			GovernanceMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
		this.nodes = nodes;
		this.quarantine = quarantine;
		this.rules = rules;
	}

	@Override
	public void recorded(TransactionContext tx, List<DecisionInput> decisions) {
		List<Proposal> proposals = decisions.stream().map(Proposal::of).toList();
		Map<String, ProvenanceNode> policies = this.nodes.findAll(tx,
				proposals.stream().map(Proposal::policyId).filter(Objects::nonNull).distinct().toList());
		Map<String, List<String>> quarantined = this.quarantine.find(tx, proposals);
		List<Map<String, Object>> rows = new ArrayList<>(decisions.size());
		List<Assessment> assessments = new ArrayList<>(decisions.size());
		for (int i = 0; i < decisions.size(); i++) {
			DecisionInput decision = decisions.get(i);
			Proposal proposal = proposals.get(i);
			Policy policy = (proposal.policyId() == null) ? null : (Policy) policies.get(proposal.policyId());
			Assessment assessment = this.rules.assess(proposal, policy,
					quarantined.getOrDefault(proposal.id(), List.of()));
			rows.add(row(decision, policy, assessment));
			assessments.add(assessment);
		}
		this.store.run(tx, "governance/record_assessments", Map.of("rows", rows)).consume();
		this.store.afterCommit(() -> assessments.forEach(assessment -> this.metrics.assessed(assessment, "ingest")));
	}

	private Map<String, Object> row(DecisionInput decision, Policy policy, Assessment assessment) {
		boolean reviewed = decision.route() == Route.HUMAN_REVIEW;
		ReviewState state = !reviewed ? ReviewState.NOT_REQUIRED
				: (decision.approvedBy() != null && !decision.approvedBy().isEmpty()) ? ReviewState.APPROVED
						: ReviewState.PENDING;
		Map<String, Object> row = new HashMap<>();
		row.put("id", decision.id());
		row.put("reviewState", state.name());
		row.put("reviewDeadline", reviewed ? this.rules.deadline(decision.occurredAt(), policy) : null);
		row.put("requiredRoles", this.rules.requiredRoles(policy));
		row.put("reasons", JSON.writeValueAsString(assessment.reasons()));
		row.put("violation", !reviewed && assessment.route() == Route.HUMAN_REVIEW);
		return row;
	}

}
