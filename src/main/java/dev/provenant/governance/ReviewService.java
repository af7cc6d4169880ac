package dev.provenant.governance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.Connection;
import dev.provenant.api.Forbidden;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.api.StateConflict;
import dev.provenant.audit.AuditEvent;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.graph.Approver;
import dev.provenant.graph.Decision;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.ReviewState;
import dev.provenant.node.NodeAt;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import dev.provenant.store.PagedQueries;
import org.neo4j.driver.Result;

import org.springframework.stereotype.Service;

/** The review queue, and verdicts on pending decisions. */
@Service
public class ReviewService {

	private final GraphStore store;

	private final NodeReader nodes;

	private final PagedQueries pages;

	private final Clock clock;

	private final AuditLog audit;

	private final GovernanceEvents events;

	ReviewService(GraphStore store, NodeReader nodes, PagedQueries pages, Clock clock, AuditLog audit,
			GovernanceEvents events) {
		this.events = events;
		this.store = store;
		this.nodes = nodes;
		this.pages = pages;
		this.clock = clock;
		this.audit = audit;
	}

	public Connection<ReviewItem> queue(String role, boolean overdueOnly, Integer first, String after) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("role", role);
		parameters.put("dueBefore", overdueOnly ? now : null);
		return this.pages.page("governance/review_queue", "governance/review_queue_count", parameters, first, after,
				row -> {
					Decision decision = (Decision) NodeMapping.toNode(row.get("d"));
					return new ReviewItem(decision, decision.escalationReasons(), decision.reviewDeadline(),
							decision.reviewDeadline().isBefore(now), decision.requiredRoles());
				});
	}

	/**
	 * Records a review by {@code approverId}; {@code actor} is the principal the audit
	 * log names.
	 */
	public Decision review(String decisionId, String approverId, Review.Verdict verdict, String rationale,
			String actor) {
		if (rationale == null || rationale.isBlank()) {
			throw new InvalidArgument("rationale", "rationale must not be blank: say why");
		}
		OffsetDateTime at = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		return this.store.write(tx -> {
			AuditLog.Recording recording = this.audit.begin(tx, List.of(decisionId, approverId));
			Result locked = this.store.run(tx, "governance/lock_decision", Map.of("id", decisionId));
			if (!locked.hasNext()) {
				throw new NodeNotFound(decisionId, "decision");
			}
			Decision decision = (Decision) NodeMapping.toNode(locked.next().get("d"));
			ProvenanceNode node = this.nodes.findAll(tx, List.of(approverId)).get(approverId);
			if (!(node instanceof Approver approver)) {
				throw new NodeNotFound(approverId, "approver");
			}
			if (!decision.requiredRoles().isEmpty() && !decision.requiredRoles().contains(approver.role())) {
				throw new Forbidden("Approver '" + approverId + "' has role '" + approver.role() + "'; decision '"
						+ decisionId + "' may only be reviewed by " + decision.requiredRoles());
			}
			if (decision.reviewState() != ReviewState.PENDING) {
				throw new StateConflict(decisionId,
						"Decision '" + decisionId + "' is " + decision.reviewState() + ", not PENDING review");
			}
			ReviewState state = (verdict == Review.Verdict.APPROVE) ? ReviewState.APPROVED : ReviewState.REJECTED;
			Map<String, Object> parameters = Map.of("decisionId", decisionId, "approverId", approverId, "verdict",
					verdict.name(), "at", at, "rationale", rationale, "state", state.name());
			Decision reviewed = (Decision) NodeMapping
				.toNode(this.store.run(tx, "governance/record_review", parameters).single().get("d"));
			this.audit.append(
					tx, recording, AuditOperation.REVIEW, actor, List.of(decisionId, approverId), Map.of("decisionId",
							decisionId, "approverId", approverId, "verdict", verdict.name(), "rationale", rationale),
					null, new AuditEvent.Notes(rationale, null));
			Map<String, Object> detail = new LinkedHashMap<>(DecisionEvents.facts(reviewed));
			detail.put("verdict", verdict.name());
			detail.put("approverId", approverId);
			detail.put("actor", actor);
			detail.put("rationale", rationale);
			this.events.record(tx, List.of(DecisionEvents.of(GovernanceEvent.Type.REVIEWED, at, decisionId, detail)));
			return reviewed;
		});
	}

	/**
	 * The reviews and approvals of many decisions, each as of its own instant, in one
	 * query.
	 */
	Map<NodeAt, DecisionReviews> reviews(List<NodeAt> refs) {
		return this.store.read(tx -> {
			Map<NodeAt, List<Review>> reviews = new HashMap<>();
			Map<NodeAt, List<Approval>> approvals = new HashMap<>();
			this.store.run(tx, "governance/reviews", Map.of("refs", NodeAt.parameters(refs))).forEachRemaining(row -> {
				NodeAt ref = refs.get(row.get("key").asInt());
				Approver approver = (Approver) NodeMapping.toNode(row.get("approver"));
				OffsetDateTime at = row.get("at").asOffsetDateTime();
				if (row.get("verdict").isNull()) {
					approvals.computeIfAbsent(ref, id -> new ArrayList<>())
						.add(new Approval(approver, Approval.Kind.ATTESTED, row.get("attestedBy").asString(null), at));
					return;
				}
				Review.Verdict verdict = Review.Verdict.valueOf(row.get("verdict").asString());
				reviews.computeIfAbsent(ref, id -> new ArrayList<>())
					.add(new Review(approver, verdict, at, row.get("rationale").asString()));
				if (verdict == Review.Verdict.APPROVE) {
					approvals.computeIfAbsent(ref, id -> new ArrayList<>())
						.add(new Approval(approver, Approval.Kind.VERIFIED, null, at));
				}
			});
			Map<NodeAt, DecisionReviews> result = new HashMap<>();
			refs.forEach(ref -> result.put(ref,
					new DecisionReviews(reviews.getOrDefault(ref, List.of()), approvals.getOrDefault(ref, List.of()))));
			return result;
		});
	}

	/**
	 * The reviews of one decision and its approvals, verified or attested, oldest first.
	 */
	public record DecisionReviews(List<Review> reviews, List<Approval> approvals) {
	}

}
