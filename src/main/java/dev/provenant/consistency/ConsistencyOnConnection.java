package dev.provenant.consistency;

import java.util.Map;

import dev.provenant.security.ConnectionCondition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Browsers cannot set headers on a WebSocket, so a subscriber sends its consistency token
 * in {@code connection_init}'s payload, as {@code "Provenant-Consistency"}: the
 * connection is accepted once this instance has caught up to it, and refused otherwise.
 */
@Component
class ConsistencyOnConnection implements ConnectionCondition {

	private final Consistency consistency;

	ConsistencyOnConnection(Consistency consistency) {
		this.consistency = consistency;
	}

	@Override
	public Mono<Void> check(Map<String, Object> payload) {
		String token = null;
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (ConsistencyFilter.HEADER.equalsIgnoreCase(entry.getKey()) && entry.getValue() instanceof String value) {
				token = value;
			}
		}
		if (token == null) {
			return Mono.empty();
		}
		String sent = token;
		// the wait blocks: off the connection's thread
		return Mono.<Void>fromRunnable(() -> this.consistency.await(sent)).subscribeOn(Schedulers.boundedElastic());
	}

}
