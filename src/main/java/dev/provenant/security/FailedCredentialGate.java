package dev.provenant.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Placed before any credential is checked: an address that has presented too many bad
 * ones (see {@link FailedCredentials}) gets HTTP 429 for every request carrying a
 * credential and for every WebSocket handshake (whose credential may follow in
 * {@code connection_init}), without the credential being looked at. Requests without one
 * go on: they can guess nothing.
 */
final class FailedCredentialGate extends OncePerRequestFilter {

	private final FailedCredentials failures;

	FailedCredentialGate(FailedCredentials failures) {
		this.failures = failures;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(ApiKeyAuthentication.HEADER) == null
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& !"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = this.failures.blocked(request.getRemoteAddr());
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
		HttpErrors.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorKind.UNAUTHORIZED, FailedCredentials.CODE,
				this.failures.refusal(request.getRemoteAddr(), wait.get()));
	}

}
