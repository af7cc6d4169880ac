package dev.provenant.consistency;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.neo4j.driver.exceptions.ClientException;
import reactor.core.publisher.Mono;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP side of read-your-writes: a request with a {@code Provenant-Consistency}
 * header waits until this instance has caught up to it (after authentication, so only a
 * caller with a credential can make an instance wait, and only for a state the service
 * itself reported); a mutation's answer carries the token for what it wrote in
 * {@code extensions.consistency}.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class ConsistencyFilter extends OncePerRequestFilter implements WebGraphQlInterceptor {

	static final String HEADER = "Provenant-Consistency";

	static final String EXTENSION = "consistency";

	private final Consistency consistency;

	ConsistencyFilter(Consistency consistency) {
		this.consistency = consistency;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader(HEADER);
		if (token != null && authenticated()) {
			try {
				this.consistency.await(token);
			}
			catch (InvalidConsistencyToken ex) {
				HttpErrors.write(response, HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, "INVALID_CONSISTENCY_TOKEN",
						ex.getMessage());
				return;
			}
			catch (ConsistencyNotReached ex) {
				response.setHeader("Retry-After", "1");
				HttpErrors.write(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorKind.UNAVAILABLE,
						"CONSISTENCY_NOT_REACHED", ex.getMessage());
				return;
			}
			catch (ClientException ex) {
				// the database refused the token's bookmarks
				HttpErrors.write(response, HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, "INVALID_CONSISTENCY_TOKEN",
						"Provenant-Consistency: the database does not know this token's state");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Only a caller with a credential makes an instance wait; GraphQL refuses the others
	 * (or, with anonymous reads on, answers them from what the instance has).
	 */
	private static boolean authenticated() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		boolean mutation = isMutation(request.getDocument(), request.getOperationName());
		return chain.next(request).map(response -> mutation ? withToken(response) : response);
	}

	private WebGraphQlResponse withToken(WebGraphQlResponse response) {
		Map<Object, Object> extensions = new LinkedHashMap<>();
		if (response.getExecutionResult().getExtensions() != null) {
			extensions.putAll(response.getExecutionResult().getExtensions());
		}
		extensions.put(EXTENSION, this.consistency.token());
		return response.transform(builder -> builder.extensions(extensions));
	}

	/**
	 * Whether the operation run is a mutation. Only documents that say "mutation" are
	 * parsed again, and one that does not parse is left to GraphQL to refuse.
	 */
	static boolean isMutation(String document, String operationName) {
		if (document == null || !document.contains("mutation")) {
			return false;
		}
		try {
			Document parsed = Parser.parse(document);
			return parsed.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter(operation -> operationName == null || operationName.isBlank()
						|| operationName.equals(operation.getName()))
				.findFirst()
				.map(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION)
				.orElse(false);
		}
		catch (RuntimeException ex) {
			// not a document GraphQL will run (syntax, parser limits): it writes nothing
			return false;
		}
	}

}
