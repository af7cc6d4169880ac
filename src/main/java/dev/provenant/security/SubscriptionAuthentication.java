package dev.provenant.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Credentials for GraphQL over WebSocket. Browsers cannot set headers on a WebSocket
 * upgrade, so besides the upgrade request's own {@code X-API-Key} or
 * {@code Authorization} header (checked at the door like any request), the
 * {@code connection_init} message may carry them in its payload: {@code {"Authorization":
 * "Bearer <key or JWT>"}} or {@code {"X-API-Key": "<key>"}}. A bad one closes the
 * connection with 4401 Unauthorized and counts against the client's address (see
 * {@link FailedCredentials}); once the address has presented too many, its credentials
 * are refused the same way without a check.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionAuthentication {

	@Bean
	WebSocketGraphQlInterceptor webSocketAuthentication(ApiKeys keys, AccessProperties access,
			ObjectProvider<JwtDecoder> jwtDecoder, FailedCredentials failures,
			ObjectProvider<ConnectionCondition> conditions) {
		JwtDecoder jwt = SecurityConfiguration.jwtDecoder(jwtDecoder, access);
		JwtAuthenticationProvider jwtProvider = null;
		if (jwt != null) {
			jwtProvider = new JwtAuthenticationProvider(jwt);
			jwtProvider.setJwtAuthenticationConverter(new SecurityConfiguration.JwtRoles(access.jwt()));
		}
		return new ConnectionAuthentication(
				new AuthenticationWebSocketInterceptor(extractor(jwt != null), manager(keys, jwtProvider)), failures,
				conditions.orderedStream().toList());
	}

	@Bean
	OperationLimits operationLimits(RequestLimits limits, AccessProperties access) {
		return new OperationLimits(limits, access.maxSubscriptionsPerPrincipal());
	}

	private static AuthenticationExtractor extractor(boolean jwtConfigured) {
		return payload -> Mono.justOrEmpty(presented(payload))
			.map(credential -> (jwtConfigured && ApiKeyAuthentication.looksLikeJwt(credential))
					? new BearerTokenAuthenticationToken(credential)
					: UsernamePasswordAuthenticationToken.unauthenticated(null, credential));
	}

	private static AuthenticationManager manager(ApiKeys keys, JwtAuthenticationProvider jwt) {
		return authentication -> {
			if (authentication instanceof BearerTokenAuthenticationToken && jwt != null) {
				return jwt.authenticate(authentication);
			}
			return keys.find(String.valueOf(authentication.getCredentials()))
				.orElseThrow(() -> new BadCredentialsException("The API key presented is not valid"))
				.authentication();
		};
	}

	/** The credential in a connection_init payload, by header name (any case). */
	private static Optional<String> presented(Map<String, Object> payload) {
		String apiKey = null;
		String authorization = null;
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (!(entry.getValue() instanceof String value) || value.isBlank()) {
				continue;
			}
			if (ApiKeyAuthentication.HEADER.equalsIgnoreCase(entry.getKey())) {
				apiKey = value.trim();
			}
			else if ("Authorization".equalsIgnoreCase(entry.getKey())) {
				authorization = value.trim();
			}
		}
		if (apiKey != null) {
			return Optional.of(apiKey);
		}
		return Optional.ofNullable(ApiKeyAuthentication.bearerToken(authorization));
	}

	/**
	 * Authenticates {@code connection_init} unless the client's address has presented too
	 * many bad credentials. First among the GraphQL interceptors, so that those after it
	 * see the connection's caller.
	 */
	static final class ConnectionAuthentication implements WebSocketGraphQlInterceptor, Ordered {

		private final AuthenticationWebSocketInterceptor authentication;

		private final FailedCredentials failures;

		private final List<ConnectionCondition> conditions;

		ConnectionAuthentication(AuthenticationWebSocketInterceptor authentication, FailedCredentials failures,
				List<ConnectionCondition> conditions) {
			this.authentication = authentication;
			this.failures = failures;
			this.conditions = conditions;
		}

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			return this.authentication.intercept(request, chain);
		}

		@Override
		public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
			if (presented(payload).isEmpty()) {
				return this.authentication.handleConnectionInitialization(info, payload);
			}
			String address = address(info);
			Optional<Duration> wait = this.failures.blocked(address);
			if (wait.isPresent()) {
				return Mono.error(new BadCredentialsException(this.failures.refusal(address, wait.get())));
			}
			return this.authentication.handleConnectionInitialization(info, payload)
				.doOnError(AuthenticationException.class,
						ex -> this.failures.record(address, "a credential in connection_init"))
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				// only an authenticated caller gets this far: conditions may make it wait
				.flatMap(ack -> Flux.fromIterable(this.conditions)
					.concatMap(condition -> condition.check(payload))
					.then(Mono.justOrEmpty(ack)));
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		static String address(WebSocketSessionInfo info) {
			InetSocketAddress remote = info.getRemoteAddress();
			return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
		}

	}

}
