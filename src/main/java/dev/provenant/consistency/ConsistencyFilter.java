package dev.provenant.consistency;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import dev.provenant.api.ParsedDocuments;
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

	private final ParsedDocuments documents;

	ConsistencyFilter(Consistency consistency, ParsedDocuments documents) {
		this.consistency = consistency;
		this.documents = documents;
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
		// Decided after the execution, which keeps the parsed document: a mutation is not
		// parsed a second time here (that was a tenth of a small write's request time).
		return chain.next(request)
			.map(response -> isMutation(request.getDocument(), request.getOperationName()) ? withToken(response)
					: response);
	}

	private boolean isMutation(String document, String operationName) {
		if (document == null || !document.contains("mutation")) {
			return false;
		}
		return this.documents.kept(document, operationName)
			.map(parsed -> isMutation(parsed, operationName))
			.orElseGet(() -> isMutationParsing(document, operationName));
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
	 * Whether the operation run is a mutation, for a document no longer kept parsed (or
	 * one that did not validate). Only documents that say "mutation" are parsed, and one
	 * that does not parse is left to GraphQL to refuse.
	 */
	static boolean isMutationParsing(String document, String operationName) {
		if (document == null || !document.contains("mutation")) {
			return false;
		}
		try {
			return isMutation(Parser.parse(document), operationName);
		}
		catch (RuntimeException ex) {
			// not a document GraphQL will run (syntax, parser limits): it writes nothing
			return false;
		}
	}

	/**
	 * Whether the operation of {@code parsed} named {@code operationName} is a mutation.
	 */
	static boolean isMutation(Document parsed, String operationName) {
		return parsed.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(operation -> operationName == null || operationName.isBlank()
					|| operationName.equals(operation.getName()))
			.findFirst()
			.map(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION)
			.orElse(false);
	}

}
