package dev.provenant.security;

import java.io.IOException;
import java.util.Optional;

import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by the API key in {@code X-API-Key}, or in
 * {@code Authorization: Bearer} as OpenLineage clients send it. A bearer token shaped
 * like a JWT is left to the JWT resource server when one is configured. A key that is
 * presented but unknown is refused with 401 at once: a caller with a typo should learn
 * so, not be served as anonymous. It counts against the caller's address (see
 * {@link FailedCredentials}).
 */
final class ApiKeyAuthentication extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	private final boolean jwtConfigured;

	private final FailedCredentials failures;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthentication(ApiKeys keys, boolean jwtConfigured, FailedCredentials failures) {
		this.keys = keys;
		this.jwtConfigured = jwtConfigured;
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presentedKey(request);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKey> key = this.keys.find(presented);
		if (key.isEmpty()) {
			this.failures.record(request.getRemoteAddr(), "an API key");
			HttpErrors.write(response, HttpStatus.UNAUTHORIZED, ErrorKind.UNAUTHORIZED, "BAD_CREDENTIAL",
					"The API key presented is not valid");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(key.get().authentication());
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	private String presentedKey(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return header.trim();
		}
		String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
		return (token == null || (this.jwtConfigured && looksLikeJwt(token))) ? null : token;
	}

	/** The token of an {@code Authorization: Bearer <token>} value, or null. */
	static String bearerToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return authorization.substring(BEARER.length()).trim();
	}

	/** Header, payload and signature: three dot-separated parts. API keys have none. */
	static boolean looksLikeJwt(String token) {
		return token.chars().filter(c -> c == '.').count() == 2;
	}

}
