package dev.provenant.webhooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.events.EventsRecorded;
import dev.provenant.events.GovernanceEvent;
import dev.provenant.graph.Utc;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.TransactionContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Stores one pending delivery per event and interested endpoint in the transaction that
 * records the event: an event whose write commits is delivered even if the service stops
 * right after, and a write that rolls back sends nothing.
 */
@Component
class WebhookOutbox implements EventsRecorded {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebhookProperties properties;

	private final GraphStore store;

	private final WebhookDispatcher dispatcher;

	// Delivery times are operational, not provenance: real time, whatever clock
	// records the graph.
	private final Clock clock = Clock.systemUTC();

	WebhookOutbox(WebhookProperties properties, GraphStore store, WebhookDispatcher dispatcher) {
		this.properties = properties;
		this.store = store;
		this.dispatcher = dispatcher;
	}

	@Override
	public void recorded(TransactionContext tx, List<GovernanceEvent> events) {
		if (this.properties.endpoints().isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (GovernanceEvent event : events) {
			String payload = null;
			for (WebhookProperties.Endpoint endpoint : this.properties.endpoints()) {
				if (!endpoint.wants(event.type())) {
					continue;
				}
				payload = (payload != null) ? payload : payload(event);
				rows.add(Map.of("id", event.id() + "@" + endpoint.name(), "endpoint", endpoint.name(), "eventId",
						event.id(), "eventType", event.type().name(), "payload", payload, "createdAt", now,
						"nextAttemptAt", now));
			}
		}
		if (!rows.isEmpty()) {
			this.store.run(tx, "webhooks/enqueue", Map.of("rows", rows)).consume();
			this.store.afterCommit(this.dispatcher::wake);
		}
	}

	/** The body every endpoint receives: the event as the GraphQL type shows it. */
	static String payload(GovernanceEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id());
		body.put("type", event.type().name());
		body.put("at", Utc.text(event.at()));
		body.put("subjectId", event.subjectId());
		body.put("detail", event.detail());
		return JSON.writeValueAsString(body);
	}

}
