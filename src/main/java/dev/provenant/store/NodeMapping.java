package dev.provenant.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Action;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.Approver;
import dev.provenant.graph.DataSource;
import dev.provenant.graph.Decision;
import dev.provenant.graph.Feature;
import dev.provenant.graph.Job;
import dev.provenant.graph.ModelVersion;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Policy;
import dev.provenant.graph.PromptVersion;
import dev.provenant.graph.Run;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Reason;
import dev.provenant.graph.ReviewState;
import dev.provenant.graph.Route;
import org.neo4j.driver.Value;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored node (or a map projection of one) into the record of its kind.
 * Attributes are stored as a JSON string because Neo4j properties cannot nest.
 */
public final class NodeMapping {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private NodeMapping() {
	}

	public static ProvenanceNode toNode(Value node) {
		return toNode(node, null);
	}

	/**
	 * The node as it stood at {@code asOf} (now when {@code null}): an action rolled back
	 * later was still executed, a decision reviewed later was still pending, and a node's
	 * quarantine is read from its history. The caller makes sure the node itself was
	 * recorded by then.
	 */
	public static ProvenanceNode toNode(Value node, OffsetDateTime asOf) {
		String id = node.get("id").asString();
		String name = string(node, "name");
		OffsetDateTime recordedAt = time(node, "recordedAt");
		Map<String, Object> attributes = attributes(node);
		NodeKind kind = NodeKind.valueOf(node.get("kind").asString());
		return switch (kind) {
			case DATA_SOURCE -> new DataSource(id, name, recordedAt, attributes, quarantined(node, asOf),
					string(node, "uri"), string(node, "owner"));
			case FEATURE -> new Feature(id, name, recordedAt, attributes, quarantined(node, asOf));
			case MODEL_VERSION -> new ModelVersion(id, name, recordedAt, attributes, quarantined(node, asOf),
					string(node, "model"), string(node, "version"));
			case PROMPT_VERSION -> new PromptVersion(id, name, recordedAt, attributes, quarantined(node, asOf),
					string(node, "prompt"), string(node, "version"), string(node, "templateSha256"));
			case POLICY -> policy(id, name, recordedAt, attributes, node, asOf);
			case APPROVER -> new Approver(id, name, recordedAt, attributes, string(node, "role"));
			case DECISION -> decision(id, name, recordedAt, attributes, node, asOf);
			case ACTION -> action(id, name, recordedAt, attributes, node, asOf);
			case JOB -> new Job(id, name, recordedAt, attributes, string(node, "namespace"));
			case RUN -> run(id, name, recordedAt, attributes, node, asOf);
		};
	}

	/**
	 * A run as it stood at {@code asOf}: one that ended later was still running then (or
	 * only started, before its start).
	 */
	private static Run run(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
			Value node, OffsetDateTime asOf) {
		OffsetDateTime startedAt = time(node, "startedAt");
		OffsetDateTime endedAt = time(node, "endedAt");
		String state = string(node, "state");
		if (after(endedAt, asOf)) {
			endedAt = null;
			state = after(startedAt, asOf) ? null : "RUNNING";
		}
		if (after(startedAt, asOf)) {
			startedAt = null;
		}
		return new Run(id, name, recordedAt, attributes, string(node, "runId"), state, startedAt, endedAt);
	}

	private static Policy policy(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
			Value node, OffsetDateTime asOf) {
		return new Policy(id, name, recordedAt, attributes, quarantined(node, asOf), number(node, "minConfidence"),
				number(node, "minDataQuality"), number(node, "maxRiskScore"),
				node.get("approverRoles").isNull() ? List.of() : node.get("approverRoles").asList(Value::asString),
				string(node, "reviewSla"), node.get("escalateOnQuarantinedInput").asBoolean(true),
				node.get("requireVerifiedReview").asBoolean(false));
	}

	private static Decision decision(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
			Value node, OffsetDateTime asOf) {
		String state = after(time(node, "reviewedAt"), asOf) ? ReviewState.PENDING.name() : string(node, "reviewState");
		String reasons = string(node, "escalationReasons");
		return new Decision(id, name, recordedAt, attributes, time(node, "occurredAt"), string(node, "subject"),
				string(node, "outcome"), number(node, "confidence"), Route.valueOf(node.get("route").asString()),
				number(node, "dataQuality"), number(node, "riskScore"),
				(state == null) ? ReviewState.NOT_REQUIRED : ReviewState.valueOf(state), time(node, "reviewDeadline"),
				node.get("requiredRoles").isNull() ? List.of() : node.get("requiredRoles").asList(Value::asString),
				(reasons == null) ? List.of() : List.of(JSON.readValue(reasons, Reason[].class)),
				node.get("policyViolation").asBoolean(false));
	}

	private static Action action(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
			Value node, OffsetDateTime asOf) {
		OffsetDateTime rolledBackAt = time(node, "rolledBackAt");
		boolean rolledBack = rolledBackAt != null && !after(rolledBackAt, asOf);
		Action.RollbackRecord rollback = !rolledBack ? null : new Action.RollbackRecord(rolledBackAt,
				string(node, "rolledBackBy"), string(node, "rollbackReason"), string(node, "rollbackNote"));
		return new Action(id, name, recordedAt, attributes, time(node, "occurredAt"), string(node, "type"),
				string(node, "target"), node.get("reversible").asBoolean(true),
				rolledBack ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED, rollback);
	}

	/**
	 * Now: the flag. In the past: the last quarantine or release in the history at or
	 * before that time.
	 */
	private static boolean quarantined(Value node, OffsetDateTime asOf) {
		if (asOf == null) {
			return node.get("quarantined").asBoolean(false);
		}
		Value history = node.get("quarantineHistory");
		boolean quarantined = false;
		if (!history.isNull()) {
			for (Value entry : history.values()) {
				Map<String, Object> event = JSON.readValue(entry.asString(), OBJECT);
				if (!OffsetDateTime.parse((String) event.get("at")).isAfter(asOf)) {
					quarantined = "QUARANTINE".equals(event.get("action"));
				}
			}
		}
		return quarantined;
	}

	/**
	 * Whether something that happened at {@code time} lies after the instant looked at
	 * ({@code null}: now).
	 */
	private static boolean after(OffsetDateTime time, OffsetDateTime asOf) {
		return time != null && asOf != null && time.isAfter(asOf);
	}

	private static Double number(Value node, String key) {
		Value value = node.get(key);
		return value.isNull() ? null : value.asDouble();
	}

	private static String string(Value node, String key) {
		Value value = node.get(key);
		return value.isNull() ? null : value.asString();
	}

	private static OffsetDateTime time(Value node, String key) {
		Value value = node.get(key);
		return value.isNull() ? null : value.asOffsetDateTime();
	}

	private static Map<String, Object> attributes(Value node) {
		String json = string(node, "attributes");
		return (json == null) ? null : JSON.readValue(json, OBJECT);
	}

}
