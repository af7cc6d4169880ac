package dev.provenant.rollback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.graph.Action;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.impact.AffectedAction;
import dev.provenant.impact.BlastRadius;
import dev.provenant.impact.BlastRadiusService;
import dev.provenant.impact.RecentAnswers;
import dev.provenant.impact.TimeWindow;
import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.provenant.store.NodeMapping;

import org.springframework.stereotype.Service;

@Service
public class RollbackService {

	private final BlastRadiusService blastRadius;

	private final GraphStore store;

	private final Clock clock;

	private final AuditLog audit;

	/** Plans of recent blast radii, by the radius' identity (cached radii are reused). */
	private final RecentAnswers<Ordered, RollbackPlan> plans = new RecentAnswers<>(16, plan -> 1);

	/** Actions marked rolled back ({@code provenant.rollbacks}); repeats count once. */
	private final Counter rollbacks;

	public RollbackService(BlastRadiusService blastRadius, GraphStore store, Clock clock, AuditLog audit,
			MeterRegistry meters) {
		this.blastRadius = blastRadius;
		this.store = store;
		this.clock = clock;
		this.audit = audit;
		this.rollbacks = Counter.builder("provenant.rollbacks")
			.description("Executed actions marked rolled back")
			.register(meters);
	}

	public RollbackPlan plan(String id, TimeWindow window, OffsetDateTime asOf) {
		BlastRadius radius = this.blastRadius.blastRadius(id, window, asOf);
		// A blast radius answered again from the cache is the same object: so is its
		// plan.
		return this.plans.get(new Ordered(radius), ordered -> plan(ordered.radius()));
	}

	/** A blast radius compared by identity: the same answer object, not an equal one. */
	private record Ordered(BlastRadius radius) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Ordered ordered && ordered.radius == this.radius;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.radius);
		}

	}

	private RollbackPlan plan(BlastRadius radius) {
		OffsetDateTime asOf = radius.asOf();
		List<AffectedAction> ordered = RollbackOrder.order(radius.affectedActions());
		List<RollbackStep> steps = new ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			steps.add(new RollbackStep(i + 1, ordered.get(i), asOf));
		}
		return new RollbackPlan(radius.root(), List.copyOf(steps));
	}

	/**
	 * Records that an executed action was reverted; {@code actor} is the principal
	 * recorded as having done it, {@code note} an optional remark kept in the audit log.
	 */
	public Action markRolledBack(String actionId, String actor, String reason, String note) {
		requireText("reason", reason);
		Map<String, Object> parameters = Map.of("id", actionId, "by", actor, "reason", reason, "at",
				OffsetDateTime.now(this.clock));
		ProvenanceNode node = this.store.write(tx -> {
			AuditLog.Recording recording = this.audit.begin(tx, List.of(actionId));
			var result = this.store.run(tx, "rollback/mark_rolled_back", parameters);
			if (!result.hasNext()) {
				return null;
			}
			var row = result.next();
			if (row.get("changed").asBoolean()) {
				this.audit.append(tx, recording, AuditOperation.MARK_ROLLED_BACK, actor, List.of(actionId),
						AuditLog.details("actionId", actionId, "reason", reason, "note", note), null);
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
