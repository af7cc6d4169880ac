package dev.provenant.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.provenant.events.GovernanceEvent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where governance events are sent, and how hard Provenant tries.
 *
 * @param endpoints the receivers; none by default
 * @param maxAttempts attempts per delivery before it is recorded FAILED
 * @param initialBackoff the wait after a first failed attempt; doubled after each further
 * one
 * @param maxBackoff the longest wait between two attempts
 * @param timeout how long one attempt may take, connecting included
 * @param pollInterval how often due retries are looked for (new events are sent at once)
 * @param retention how long delivered and failed deliveries are kept on record
 */
@ConfigurationProperties("provenant.webhooks")
public record WebhookProperties(@DefaultValue List<Endpoint> endpoints, @DefaultValue("10") int maxAttempts,
		@DefaultValue("PT5S") Duration initialBackoff, @DefaultValue("PT1H") Duration maxBackoff,
		@DefaultValue("PT10S") Duration timeout, @DefaultValue("PT1S") Duration pollInterval,
		@DefaultValue("P30D") Duration retention) {

	public WebhookProperties {
		endpoints = List.copyOf(endpoints);
		Set<String> names = new HashSet<>();
		for (Endpoint endpoint : endpoints) {
			if (!names.add(endpoint.name())) {
				throw new IllegalArgumentException(
						"provenant.webhooks.endpoints: the name '" + endpoint.name() + "' is used twice");
			}
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("provenant.webhooks.max-attempts must be at least 1");
		}
	}

	Endpoint endpoint(String name) {
		return this.endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * One receiver.
	 *
	 * @param name names it in delivery records and metrics
	 * @param url an http or https URL that receives a POST per event
	 * @param secret the signing secret: {@code whsec_<base64>} as Standard Webhooks
	 * libraries generate it, or any other text, used as its UTF-8 bytes
	 * @param events the event types it wants; empty: all
	 */
	public record Endpoint(String name, URI url, String secret, @DefaultValue List<GovernanceEvent.Type> events) {

		public Endpoint {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("provenant.webhooks.endpoints[].name must be set");
			}
			if (url == null || url.getHost() == null
					|| !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
				throw new IllegalArgumentException(
						"provenant.webhooks endpoint '" + name + "': url must be an absolute http(s) URL, not " + url);
			}
			if (secret == null || secret.isBlank()) {
				throw new IllegalArgumentException("provenant.webhooks endpoint '" + name
						+ "': a secret is required, so that the receiver can tell Provenant's calls from forgeries");
			}
			if (secret.startsWith(WebhookSignature.PREFIX)) {
				try {
					java.util.Base64.getDecoder().decode(secret.substring(WebhookSignature.PREFIX.length()));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("provenant.webhooks endpoint '" + name
							+ "': a secret starting with whsec_ must continue in base64", ex);
				}
			}
			events = List.copyOf(events);
		}

		boolean wants(GovernanceEvent.Type type) {
			return this.events.isEmpty() || this.events.contains(type);
		}

		@Override
		public String toString() {
			// Keeps the secret out of logs and failure reports.
			return "Endpoint[name=" + this.name + ", url=" + this.url + ", events=" + this.events + "]";
		}

	}

}
