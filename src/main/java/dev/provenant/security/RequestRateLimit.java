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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-principal rate limit on every HTTP request: GraphQL, the REST endpoints
 * (OpenLineage ingest, PROV export, backups) and the actuator. Exempt are the health
 * endpoints, which an orchestrator's probes must always reach (a throttled liveness probe
 * restarts a healthy instance), and the pages' own static files, which come from the jar,
 * hold no data and are fetched a dozen at a time by a browser that sends no key with
 * them. GraphQL messages over WebSocket draw on the same buckets
 * ({@link OperationLimits}).
 */
final class RequestRateLimit extends OncePerRequestFilter {

	private static final String[] EXEMPT = { "/actuator/health", "/graphiql", "/explorer", "/webjars/",
			"/favicon.ico" };

	private final RequestLimits limits;

	RequestRateLimit(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!this.limits.enabled()) {
			return true;
		}
		String path = request.getRequestURI();
		for (String exempt : EXEMPT) {
			if (path.startsWith(exempt)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String caller = RequestLimits.caller(SecurityContextHolder.getContext().getAuthentication(),
				request.getRemoteAddr());
		Optional<Duration> wait = this.limits.take(caller);
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
		HttpErrors.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorKind.BAD_REQUEST, RequestLimits.CODE,
				this.limits.refusal(caller, wait.get()));
	}

}
