package dev.provenant.webhooks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import dev.provenant.api.Connection;
import dev.provenant.api.NodeNotFound;
import dev.provenant.security.ForOperators;
import dev.provenant.store.GraphStore;
import dev.provenant.store.PagedQueries;
import org.neo4j.driver.Result;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The record of webhook deliveries, and sending one again. */
@Controller
class WebhookController {

	private final PagedQueries pages;

	private final GraphStore store;

	private final WebhookDispatcher dispatcher;

	WebhookController(PagedQueries pages, GraphStore store, WebhookDispatcher dispatcher) {
		this.pages = pages;
		this.store = store;
		this.dispatcher = dispatcher;
	}

	@ForOperators
	@QueryMapping
	Connection<WebhookDelivery> webhookDeliveries(@Argument String endpoint, @Argument String state,
			@Argument Integer first, @Argument String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("endpoint", endpoint);
		parameters.put("state", state);
		return this.pages.page("webhooks/deliveries", "webhooks/deliveries_count", parameters, first, after,
				row -> WebhookDelivery.of(row.get("w").asNode()));
	}

	@ForOperators
	@MutationMapping
	WebhookDelivery redeliverWebhook(@Argument String id) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		WebhookDelivery delivery = this.store.write(tx -> {
			Result result = this.store.run(tx, "webhooks/redeliver", Map.of("id", id, "now", now));
			if (!result.hasNext()) {
				throw new NodeNotFound(id, "webhook delivery");
			}
			return WebhookDelivery.of(result.single().get("w").asNode());
		});
		this.dispatcher.wake();
		return delivery;
	}

}
