package dev.provenant.webhooks;

import java.time.OffsetDateTime;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import tools.jackson.databind.json.JsonMapper;

/** One governance event sent (or to be sent) to one endpoint, as recorded. */
record WebhookDelivery(String id, String endpoint, String eventId, String eventType, String state, int attempts,
		OffsetDateTime createdAt, OffsetDateTime lastAttemptAt, Integer lastStatus, String lastError,
		OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, Map<String, Object> payload) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@SuppressWarnings("unchecked")
	static WebhookDelivery of(Node node) {
		return new WebhookDelivery(node.get("id").asString(), node.get("endpoint").asString(),
				node.get("eventId").asString(), node.get("eventType").asString(), node.get("state").asString(),
				node.get("attempts").asInt(), time(node.get("createdAt")), time(node.get("lastAttemptAt")),
				node.get("lastStatus").isNull() ? null : node.get("lastStatus").asInt(),
				node.get("lastError").isNull() ? null : node.get("lastError").asString(),
				// A delivered or failed one has no next attempt, whatever its lease said.
				"PENDING".equals(node.get("state").asString()) ? time(node.get("nextAttemptAt")) : null,
				time(node.get("deliveredAt")), JSON.readValue(node.get("payload").asString(), Map.class));
	}

	private static OffsetDateTime time(Value value) {
		return value.isNull() ? null : value.asOffsetDateTime();
	}

}
