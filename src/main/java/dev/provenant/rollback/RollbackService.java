package dev.provenant.rollback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.AnswerLimit;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.audit.AuditEvent;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.graph.Action;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.impact.ActionPositions;
import dev.provenant.impact.BlastRadius;
import dev.provenant.impact.BlastRadiusService;
import dev.provenant.impact.TimeWindow;
import dev.provenant.memory.CacheBounds;
import dev.provenant.memory.Caches;
import dev.provenant.memory.KeptAnswers;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

@Service
public class RollbackService {

	private final BlastRadiusService blastRadius;

	private final GraphStore store;

	private final Clock clock;

	private final AuditLog audit;

	/**
	 * Bytes a plan needs per action while it is ordered and built: its step and list
	 * slot, and the ordering's position map and arrays.
	 */
	private static final long WORK_PER_ACTION = 128;

	private final AnswerLimit limit;

	/**
	 * Plans of blast radii that came from the dependency index, by question and the audit
	 * sequence they reflect ({@code provenant.caches.rollback-plan-bytes}).
	 */
	private final KeptAnswers<Question, KeptPlan> plans;

	/** Actions marked rolled back ({@code provenant.rollbacks}); repeats count once. */
	private final Counter rollbacks;

	public RollbackService(BlastRadiusService blastRadius, GraphStore store, Clock clock, AuditLog audit,
			MeterRegistry meters, AnswerLimit limit, Caches caches) {
		this.blastRadius = blastRadius;
		this.limit = limit;
		this.plans = caches.answers(CacheBounds.ROLLBACK_PLANS, caches.bounds().rollbackPlanBytes().toBytes(),
				KeptPlan::bytes, Question::sequence);
		this.store = store;
		this.clock = clock;
		this.audit = audit;
		this.rollbacks = Counter.builder("provenant.rollbacks")
			.description("Executed actions marked rolled back")
			.register(meters);
	}

	public RollbackPlan plan(String id, TimeWindow window, OffsetDateTime asOf) {
		BlastRadius radius = this.blastRadius.blastRadius(id, window, asOf);
		if (radius.auditSequence() < 0) {
			// From Cypher (the past, or the index not ready): computed afresh each time,
			// so its plan is too, and is not weighed.
			return plan(radius, ordered(radius));
		}
		// The same question at the same audit sequence has the same answer: a client
		// paging through a plan gets it ordered once.
		return this.plans.get(new Question(id, window, radius.auditSequence()), question -> {
			OrderedActions ordered = ordered(radius);
			return new KeptPlan(plan(radius, ordered), ordered.footprint());
		}).plan();
	}

	private record Question(String root, TimeWindow window, long sequence) {
	}

	/**
	 * A plan and what it weighs kept: its order, and the actions it reads its steps from.
	 */
	private record KeptPlan(RollbackPlan plan, long bytes) {
	}

	private OrderedActions ordered(BlastRadius radius) {
		this.limit.check("The rollback plan of '" + radius.root().id() + "'", radius.actionCount(),
				WORK_PER_ACTION * radius.actionCount());
		ActionPositions actions = ActionPositions.of(radius.affectedActions());
		return new OrderedActions(actions, RollbackOrder.order(actions), radius.asOf());
	}

	private static RollbackPlan plan(BlastRadius radius, OrderedActions ordered) {
		return new RollbackPlan(radius.root(), ordered.steps(), ordered.ids());
	}

	/**
	 * Records that an executed action was reverted; {@code actor} is the principal
	 * recorded as having done it, {@code note} an optional remark kept in the audit log.
	 */
	public Action markRolledBack(String actionId, String actor, String reason, String note) {
		requireText("reason", reason);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", actionId);
		parameters.put("by", actor);
		parameters.put("reason", reason);
		AuditEvent.Notes notes = new AuditEvent.Notes(reason, note);
		parameters.put("note", notes.note());
		parameters.put("at", OffsetDateTime.now(this.clock));
		ProvenanceNode node = this.store.write(tx -> {
			AuditLog.Recording recording = this.audit.begin(tx, List.of(actionId));
			var result = this.store.run(tx, "rollback/mark_rolled_back", parameters);
			if (!result.hasNext()) {
				return null;
			}
			var row = result.next();
			if (row.get("changed").asBoolean()) {
				this.audit.append(tx, recording, AuditOperation.MARK_ROLLED_BACK, actor, List.of(actionId),
						AuditLog.details("actionId", actionId, "reason", reason, "note", note), null, notes);
				this.store.afterCommit(this.rollbacks::increment);
			}
			return NodeMapping.toNode(row.get("n"));
		});
		if (node == null) {
			throw new NodeNotFound(actionId, "action");
		}
		if (!(node instanceof Action action)) {
			throw new InvalidArgument("actionId", "'" + actionId + "' is a " + node.kind() + ", not an ACTION");
		}
		return action;
	}

	private static void requireText(String argument, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidArgument(argument, argument + " must not be blank");
		}
	}

}
