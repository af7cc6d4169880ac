package dev.provenant.security;

import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Credentials for GraphQL over WebSocket. Browsers cannot set headers on a WebSocket
 * upgrade, so besides the upgrade request's own {@code X-API-Key} or
 * {@code Authorization} header (checked at the door like any request), the
 * {@code connection_init} message may carry them in its payload: {@code {"Authorization":
 * "Bearer <key or JWT>"}} or {@code {"X-API-Key": "<key>"}}. A bad one closes the
 * connection with 4401 Unauthorized.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionAuthentication {

	@Bean
	WebSocketGraphQlInterceptor webSocketAuthentication(ApiKeys keys, AccessProperties access,
			ObjectProvider<JwtDecoder> jwtDecoder) {
		JwtDecoder jwt = jwtDecoder.getIfAvailable();
		JwtAuthenticationProvider jwtProvider = null;
		if (jwt != null) {
			jwtProvider = new JwtAuthenticationProvider(jwt);
			jwtProvider.setJwtAuthenticationConverter(new SecurityConfiguration.JwtRoles(access.jwt()));
		}
		return new AuthenticationWebSocketInterceptor(extractor(jwt != null), manager(keys, jwtProvider));
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

}
