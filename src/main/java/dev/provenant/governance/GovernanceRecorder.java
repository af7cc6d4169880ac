package dev.provenant.governance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.graph.Approver;
import dev.provenant.graph.Policy;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Reason;
import dev.provenant.graph.Reason.ReasonCode;
import dev.provenant.graph.ReviewState;
import dev.provenant.graph.Route;
import dev.provenant.ingest.DecisionsRecorded;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.TransactionContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Assesses every decision an ingest records, in the ingest's own transaction (so against
 * the graph as it was at that moment, batch included). Ingest never refuses a decision
 * for breaking policy: an AUTONOMOUS decision that should have been reviewed is flagged
 * as a policy violation, with the reasons. HUMAN_REVIEW decisions enter the review queue
 * as PENDING, or APPROVED when they arrive with approvers. Both are announced as
 * governance events with the write (and a review already past its deadline as overdue at
 * once).
 */
@Component
class GovernanceRecorder implements DecisionsRecorded {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	private final AssessmentInputs inputs;

	private final PolicyRules rules;

	private final GovernanceMetrics metrics;

	private final GovernanceEvents events;

	private final Clock clock;

	GovernanceRecorder(GraphStore store, AssessmentInputs inputs, PolicyRules rules, GovernanceMetrics metrics,
			GovernanceEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.metrics = metrics;
		this.inputs = inputs;
		this.rules = rules;
	}

	@Override
	public void recorded(TransactionContext tx, List<DecisionInput> decisions) {
		List<Proposal> proposals = decisions.stream().map(Proposal::of).toList();
		// Policies, approvers and quarantined inputs in one read: a small write is a few
		// round trips.
		AssessmentInputs.Found read = this.inputs.find(tx,
				java.util.stream.Stream
					.concat(proposals.stream().map(Proposal::policyId).filter(Objects::nonNull),
							decisions.stream()
								.filter(decision -> decision.approvedBy() != null)
								.flatMap(decision -> decision.approvedBy().stream()))
					.distinct()
					.toList(),
				proposals);
		Map<String, ProvenanceNode> policiesAndApprovers = read.nodes();
		Map<String, ProvenanceNode> approvers = policiesAndApprovers;
		List<Map<String, Object>> rows = new ArrayList<>(decisions.size());
		List<Assessment> assessments = new ArrayList<>(decisions.size());
		for (int i = 0; i < decisions.size(); i++) {
			DecisionInput decision = decisions.get(i);
			Proposal proposal = proposals.get(i);
			Policy policy = (proposal.policyId() != null
					&& policiesAndApprovers.get(proposal.policyId()) instanceof Policy named) ? named : null;
			Assessment assessed = this.rules.assess(proposal, policy, read.quarantinedFor(proposal));
			List<Reason> attestation = attestationProblems(decision, policy, approvers);
			Assessment assessment = attestation.isEmpty() ? assessed : new Assessment(assessed.route(),
					concat(assessed.reasons(), attestation), assessed.requiredRoles(), assessed.reviewDeadline());
			rows.add(row(decision, policy, assessment, !attestation.isEmpty()));
			assessments.add(assessment);
		}
		this.store.runLater(tx, "governance/record_assessments", Map.of("rows", rows));
		announce(tx, decisions, rows, assessments);
		this.store.afterCommit(() -> assessments.forEach(assessment -> this.metrics.assessed(assessment, "ingest")));
	}

	private void announce(TransactionContext tx, List<DecisionInput> decisions, List<Map<String, Object>> rows,
			List<Assessment> assessments) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<GovernanceEvent> announced = new ArrayList<>();
		List<String> overdue = new ArrayList<>();
		for (int i = 0; i < decisions.size(); i++) {
			DecisionInput decision = decisions.get(i);
			Map<String, Object> row = rows.get(i);
			boolean pending = ReviewState.PENDING.name().equals(row.get("reviewState"));
			if (!pending && !Boolean.TRUE.equals(row.get("violation"))) {
				continue;
			}
			Assessment assessment = assessments.get(i);
			OffsetDateTime deadline = (OffsetDateTime) row.get("reviewDeadline");
			Map<String, Object> facts = DecisionEvents.decisionFacts(decision.name(), decision.outcome(),
					decision.occurredAt(), assessment.reasons(), deadline, requiredRoles(row));
			if (!pending) {
				announced.add(DecisionEvents.of(GovernanceEvent.Type.POLICY_VIOLATION, now, decision.id(), facts));
				continue;
			}
			announced.add(DecisionEvents.of(GovernanceEvent.Type.ESCALATION, now, decision.id(), facts));
			if (!deadline.isAfter(now)) {
				// Recorded after its deadline (a backfill): overdue already, and the
				// periodic check must not announce it again.
				announced.add(DecisionEvents.of(GovernanceEvent.Type.REVIEW_OVERDUE, now, decision.id(), facts));
				overdue.add(decision.id());
			}
		}
		if (!overdue.isEmpty()) {
			this.store.runLater(tx, "governance/mark_overdue_announced", Map.of("ids", overdue, "at", now));
		}
		this.events.record(tx, announced);
	}

	@SuppressWarnings("unchecked")
	private static List<String> requiredRoles(Map<String, Object> row) {
		return (List<String>) row.get("requiredRoles");
	}

	/**
	 * What is wrong with the approvals a decision arrived with, which the writer attests
	 * and no approver confirmed: under a policy that requires reviews through Provenant,
	 * such an approval alone; and an approver whose role the policy does not allow.
	 */
	private static List<Reason> attestationProblems(DecisionInput decision, Policy policy,
			Map<String, ProvenanceNode> approvers) {
		if (decision.route() != Route.HUMAN_REVIEW || decision.approvedBy() == null || decision.approvedBy().isEmpty()
				|| policy == null) {
			return List.of();
		}
		List<Reason> problems = new ArrayList<>();
		if (policy.requireVerifiedReview()) {
			problems.add(new Reason(ReasonCode.ATTESTED_APPROVAL,
					"Policy '" + policy.id() + "' requires reviews through Provenant; the approval by "
							+ decision.approvedBy() + " was only attested by the writer that recorded the decision",
					policy.id()));
		}
		if (!policy.approverRoles().isEmpty()) {
			for (String id : decision.approvedBy()) {
				if (approvers.get(id) instanceof Approver approver
						&& !policy.approverRoles().contains(approver.role())) {
					problems.add(new Reason(ReasonCode.UNAUTHORIZED_APPROVER, "Approver '" + id + "' has role '"
							+ approver.role() + "'; policy '" + policy.id() + "' allows only " + policy.approverRoles(),
							id));
				}
			}
		}
		return List.copyOf(problems);
	}

	private static List<Reason> concat(List<Reason> first, List<Reason> second) {
		List<Reason> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	private Map<String, Object> row(DecisionInput decision, Policy policy, Assessment assessment,
			boolean attestationViolated) {
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
		row.put("violation", (!reviewed && assessment.route() == Route.HUMAN_REVIEW) || attestationViolated);
		return row;
	}

}
