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
import dev.provenant.graph.ModelVersion;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Policy;
import dev.provenant.graph.PromptVersion;
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
		String id = node.get("id").asString();
		String name = string(node, "name");
		OffsetDateTime recordedAt = time(node, "recordedAt");
		Map<String, Object> attributes = attributes(node);
		NodeKind kind = NodeKind.valueOf(node.get("kind").asString());
		return switch (kind) {
			case DATA_SOURCE -> new DataSource(id, name, recordedAt, attributes, quarantined(node), string(node, "uri"),
					string(node, "owner"));
			case FEATURE -> new Feature(id, name, recordedAt, attributes, quarantined(node));
			case MODEL_VERSION -> new ModelVersion(id, name, recordedAt, attributes, quarantined(node),
					string(node, "model"), string(node, "version"));
			case PROMPT_VERSION -> new PromptVersion(id, name, recordedAt, attributes, quarantined(node),
					string(node, "prompt"), string(node, "version"), string(node, "templateSha256"));
			case POLICY -> policy(id, name, recordedAt, attributes, node);
			case APPROVER -> new Approver(id, name, recordedAt, attributes, string(node, "role"));
			case DECISION -> decision(id, name, recordedAt, attributes, node);
			case ACTION -> action(id, name, recordedAt, attributes, node);
		};
	}

	private static Policy policy(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
			Value node) {
		return new Policy(id, name, recordedAt, attributes, quarantined(node), number(node, "minConfidence"),
				number(node, "minDataQuality"), number(node, "maxRiskScore"),
				node.get("approverRoles").isNull() ? List.of() : node.get("approverRoles").asList(Value::asString),
				string(node, "reviewSla"), node.get("escalateOnQuarantinedInput").asBoolean(true));
	}

	private static Decision decision(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
			Value node) {
		String state = string(node, "reviewState");
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
			Value node) {
		Action.RollbackRecord rollback = node.get("rolledBackAt").isNull() ? null : new Action.RollbackRecord(
				time(node, "rolledBackAt"), string(node, "rolledBackBy"), string(node, "rollbackReason"));
		return new Action(id, name, recordedAt, attributes, time(node, "occurredAt"), string(node, "type"),
				string(node, "target"), node.get("reversible").asBoolean(true),
				ActionStatus.valueOf(node.get("status").asString()), rollback);
	}

	private static boolean quarantined(Value node) {
		return node.get("quarantined").asBoolean(false);
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
