package dev.provenant.security;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * What a WebSocket connection's {@code connection_init} must also satisfy once its caller
 * is authenticated, e.g. that the instance has caught up to the consistency token in it.
 * An error refuses the connection.
 */
@FunctionalInterface
public interface ConnectionCondition {

	Mono<Void> check(Map<String, Object> payload);

}
