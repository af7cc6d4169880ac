package dev.provenant.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who is asking ({@code principal}) and, for GraphQL, which operation
 * ({@code graphql.operation}) into the logging context of the request's thread, so every
 * log line written while serving it names them; structured (JSON) logs carry them as
 * fields. Both are cleared when the request ends.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class LogContext extends OncePerRequestFilter implements WebGraphQlInterceptor {

	static final String PRINCIPAL = "principal";

	static final String OPERATION = "graphql.operation";

	/** The operation's name when the client did not send {@code operationName}. */
	private static final Pattern NAMED_OPERATION = Pattern
		.compile("^\\s*(?:#[^\\n]*\\n\\s*)*(query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
			MDC.put(PRINCIPAL, caller.getName());
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(PRINCIPAL);
			MDC.remove(OPERATION);
		}
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		MDC.put(OPERATION, operation(request));
		return chain.next(request);
	}

	private static String operation(WebGraphQlRequest request) {
		if (request.getOperationName() != null && !request.getOperationName().isBlank()) {
			return request.getOperationName();
		}
		Matcher named = NAMED_OPERATION.matcher(request.getDocument());
		return named.find() ? named.group(2) : "anonymous";
	}

}
