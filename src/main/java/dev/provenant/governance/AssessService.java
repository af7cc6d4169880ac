package dev.provenant.governance;

import java.util.List;

import dev.provenant.graph.Policy;
import dev.provenant.ingest.IngestService;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;

import org.springframework.stereotype.Service;

/**
 * Answers "may this decision go out alone?" before an agent acts, in one read transaction
 * of at most three short statements: the references (checked as ingest would), the
 * policy, and the quarantined nodes upstream.
 */
@Service
public class AssessService {

	private final GraphStore store;

	private final IngestService ingest;

	private final NodeReader nodes;

	private final QuarantinedInputs quarantine;

	private final PolicyRules rules;

	private final GovernanceMetrics metrics;

	AssessService(GraphStore store, IngestService ingest, NodeReader nodes, QuarantinedInputs quarantine,
			PolicyRules rules, GovernanceMetrics metrics) {
		this.metrics = metrics;
		this.store = store;
		this.ingest = ingest;
		this.nodes = nodes;
		this.quarantine = quarantine;
		this.rules = rules;
	}

	public Assessment assess(DecisionInput decision) {
		Assessment assessment = this.store.read(tx -> {
			this.ingest.check(tx, "decision", decision);
			Proposal proposal = Proposal.of(decision);
			Policy policy = (proposal.policyId() == null) ? null
					: (Policy) this.nodes.findAll(tx, List.of(proposal.policyId())).get(proposal.policyId());
			List<String> quarantined = (policy == null || policy.escalateOnQuarantinedInput())
					? this.quarantine.find(tx, List.of(proposal)).getOrDefault(proposal.id(), List.of()) : List.of();
			return this.rules.assess(proposal, policy, quarantined);
		});
		this.metrics.assessed(assessment, "assess");
		return assessment;
	}

}
