package dev.provenant.governance;

import java.util.List;

import dev.provenant.graph.Policy;
import dev.provenant.ingest.IngestService;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.store.GraphStore;

import org.springframework.stereotype.Service;

/**
 * Answers "may this decision go out alone?" before an agent acts, in one read transaction
 * of two short statements: the references (checked as ingest would), then the policy and
 * the quarantined nodes upstream together.
 */
@Service
public class AssessService {

	private final GraphStore store;

	private final IngestService ingest;

	private final AssessmentInputs inputs;

	private final PolicyRules rules;

	private final GovernanceMetrics metrics;

	AssessService(GraphStore store, IngestService ingest, AssessmentInputs inputs, PolicyRules rules,
			GovernanceMetrics metrics) {
		this.metrics = metrics;
		this.store = store;
		this.ingest = ingest;
		this.inputs = inputs;
		this.rules = rules;
	}

	public Assessment assess(DecisionInput decision) {
		Assessment assessment = this.store.read(tx -> {
			this.ingest.check(tx, "decision", decision);
			Proposal proposal = Proposal.of(decision);
			AssessmentInputs.Found read = this.inputs.find(tx,
					(proposal.policyId() == null) ? List.of() : List.of(proposal.policyId()), List.of(proposal));
			Policy policy = (proposal.policyId() == null) ? null : (Policy) read.nodes().get(proposal.policyId());
			List<String> quarantined = (policy == null || policy.escalateOnQuarantinedInput())
					? read.quarantinedFor(proposal) : List.of();
			return this.rules.assess(proposal, policy, quarantined);
		});
		this.metrics.assessed(assessment, "assess");
		return assessment;
	}

}
