package dev.provenant.governance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.audit.AuditEvent;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.impact.BlastRadius;
import dev.provenant.impact.BlastRadiusService;
import dev.provenant.impact.TimeWindow;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Quarantine marks an input suspect from now on: while it lasts, every decision depending
 * on it, directly or not, is assessed HUMAN_REVIEW. Each quarantine and release is
 * appended to the node's history, never rewritten.
 */
@Service
public class QuarantineService {

	static final Set<NodeKind> QUARANTINABLE = Set.of(NodeKind.DATA_SOURCE, NodeKind.FEATURE, NodeKind.MODEL_VERSION,
			NodeKind.PROMPT_VERSION, NodeKind.POLICY);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	private final NodeReader nodes;

	private final BlastRadiusService blastRadius;

	private final Clock clock;

	private final AuditLog audit;

	private final GovernanceEvents events;

	QuarantineService(GraphStore store, NodeReader nodes, BlastRadiusService blastRadius, Clock clock, AuditLog audit,
			GovernanceEvents events) {
		this.events = events;
		this.store = store;
		this.nodes = nodes;
		this.blastRadius = blastRadius;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Quarantines a node; {@code actor} is the principal recorded as having done it,
	 * {@code note} an optional remark (a ticket, on whose behalf) kept in the audit log.
	 */
	public QuarantineReport quarantine(String id, String reason, String actor, String note) {
		return change("governance/quarantine", Quarantine.Action.QUARANTINE, AuditOperation.QUARANTINE, id, reason,
				actor, note);
	}

	/** Lifts a quarantine, as {@link #quarantine} records one. */
	public QuarantineReport release(String id, String reason, String actor, String note) {
		return change("governance/release", Quarantine.Action.RELEASE, AuditOperation.RELEASE, id, reason, actor, note);
	}

	public List<Quarantine> quarantines(boolean activeOnly) {
		return this.store.read(tx -> {
			List<Quarantine> quarantines = new ArrayList<>();
			this.store.run(tx, "governance/quarantines", Map.of("activeOnly", activeOnly)).forEachRemaining(row -> {
				ProvenanceNode node = NodeMapping.toNode(row.get("n"));
				quarantines.add(new Quarantine(node, node.quarantined(), history(row.get("history"))));
			});
			return quarantines;
		});
	}

	/**
	 * What quarantining (or releasing) the node would flag, written nowhere: the report
	 * the change would return, so that an operator sees it before deciding.
	 */
	public QuarantineReport preview(String id) {
		BlastRadius radius = this.blastRadius.blastRadius(id, new TimeWindow(null, null));
		requireQuarantinable(radius.root());
		return report(radius);
	}

	private static QuarantineReport report(BlastRadius radius) {
		int pending = (int) radius.affectedDecisions().stream().filter(d -> "PENDING".equals(d.reviewState())).count();
		return new QuarantineReport(radius.root(), radius.decisionCount(), radius.actionCount(), pending);
	}

	private static void requireQuarantinable(ProvenanceNode node) {
		if (!QUARANTINABLE.contains(node.kind())) {
			throw new InvalidArgument("id", "'" + node.id() + "' is a " + node.kind()
					+ "; only data sources, features, model versions, prompt versions and policies are quarantined");
		}
	}

	private QuarantineReport change(String query, Quarantine.Action action, AuditOperation operation, String id,
			String reason, String actor, String note) {
		requireText("reason", reason);
		OffsetDateTime at = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		// The note as the audit event keeps it (a blank one is none), so history and
		// event agree.
		AuditEvent.Notes notes = new AuditEvent.Notes(reason, note);
		String event = JSON.writeValueAsString(new Quarantine.Event(action, at, actor, reason, notes.note()));
		// Quarantine changes no edge, so the blast radius is the same before and
		// after: it is measured first so that the announcement can carry it.
		BlastRadius radius = this.blastRadius.blastRadius(id, new TimeWindow(null, null));
		QuarantineReport report = report(radius);
		this.store.write(tx -> {
			AuditLog.Recording recording = this.audit.begin(tx, List.of(id));
			ProvenanceNode node = this.nodes.findAll(tx, List.of(id)).get(id);
			if (node == null) {
				throw new NodeNotFound(id, "node");
			}
			requireQuarantinable(node);
			var changed = this.store.run(tx, query, Map.of("id", id, "event", event)).single();
			if (changed.get("changed").asBoolean()) {
				long entry = changed.get("entry").asLong();
				this.audit.append(tx, recording, operation, actor, List.of(id),
						AuditLog.details("id", id, "reason", reason, "note", note), Long.toString(entry), notes);
				this.events.record(tx,
						List.of(announcement(action, at, node, entry, reason, actor, notes.note(), report)));
			}
			return null;
		});
		// The node as the change left it (quarantined or not).
		return new QuarantineReport(this.nodes.find(id).orElse(radius.root()), report.decisionCount(),
				report.actionCount(), report.pendingReviews());
	}

	private static GovernanceEvent announcement(Quarantine.Action action, OffsetDateTime at, ProvenanceNode node,
			long entry, String reason, String actor, String note, QuarantineReport report) {
		GovernanceEvent.Type type = (action == Quarantine.Action.QUARANTINE) ? GovernanceEvent.Type.QUARANTINED
				: GovernanceEvent.Type.RELEASED;
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("kind", node.kind().name());
		if (node.name() != null) {
			detail.put("name", node.name());
		}
		detail.put("reason", reason);
		detail.put("actor", actor);
		if (note != null) {
			detail.put("note", note);
		}
		detail.put("decisionCount", report.decisionCount());
		detail.put("actionCount", report.actionCount());
		detail.put("pendingReviews", report.pendingReviews());
		// The entry numbers the node's quarantine history, so each change has its own id.
		return GovernanceEvent.of(type, node.id() + ":" + entry, at, node.id(), detail);
	}

	static List<Quarantine.Event> history(Value history) {
		if (history.isNull()) {
			return List.of();
		}
		return history.asList(value -> JSON.readValue(value.asString(), Quarantine.Event.class));
	}

	private static void requireText(String argument, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidArgument(argument, argument + " must not be blank");
		}
	}

}
