package dev.provenant.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to GraphQL errors. Users get what they need to fix a request;
 * unexpected failures get a reference to the log line instead of a stack trace or the
 * Cypher that failed.
 * <p>
 * A resolver rather than {@code @GraphQlExceptionHandler} methods: those run inside the
 * controller call and hand back a null result, which Spring's connection adapter turns
 * into an empty connection that then fails on its non-null {@code totalCount} with a
 * second, misleading error. An exception that leaves the field is resolved here with no
 * value at all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	GraphQlErrors() {
		// Reading the caller needs the request's security context restored.
		setThreadLocalContextAware(true);
	}

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof BatchRejected rejected) {
			return batchRejected(rejected, env);
		}
		return List.of(resolve(ex, env));
	}

	private static GraphQLError resolve(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidArgument invalid) {
			return error(env, ErrorKind.BAD_REQUEST, invalid.getMessage(), Map.of("argument", invalid.argument()));
		}
		if (ex instanceof NodeNotFound notFound) {
			return error(env, ErrorKind.NOT_FOUND, notFound.getMessage(), Map.of("id", notFound.id()));
		}
		if (ex instanceof Forbidden forbidden) {
			return error(env, ErrorKind.FORBIDDEN, forbidden.getMessage(), Map.of());
		}
		if (ex instanceof StateConflict conflict) {
			return error(env, ErrorKind.CONFLICT, conflict.getMessage(), Map.of("id", conflict.id()));
		}
		if (ex instanceof QueryTimedOut timedOut) {
			return error(env, ErrorKind.BAD_REQUEST, timedOut.getMessage(), Map.of("code", "QUERY_TIMEOUT"));
		}
		if (ex instanceof LimitExceeded limit) {
			return error(env, ErrorKind.BAD_REQUEST, limit.getMessage(), Map.of("code", limit.code()));
		}
		if (ex instanceof AnswerTooLarge tooLarge) {
			return error(env, ErrorKind.BAD_REQUEST, tooLarge.getMessage(), Map.of("code", "ANSWER_TOO_LARGE",
					"estimatedBytes", tooLarge.estimatedBytes(), "limitBytes", tooLarge.limitBytes()));
		}
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			return denied(env);
		}
		return unexpected(ex, env);
	}

	/**
	 * Method security refused the call: UNAUTHORIZED when no credential came with the
	 * request, FORBIDDEN when the caller lacks the role.
	 */
	private static GraphQLError denied(DataFetchingEnvironment env) {
		String field = env.getField().getName();
		return denied(GraphqlErrorBuilder.newError(env), field, "send an API key in X-API-Key or a bearer token");
	}

	/**
	 * The refusal of {@code what} to the caller in the security context, classified as
	 * above; {@code howToAuthenticate} tells a caller without a credential where to put
	 * one.
	 */
	static GraphQLError denied(GraphqlErrorBuilder<?> error, String what, String howToAuthenticate) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || TRUST.isAnonymous(caller)) {
			return error.errorType(ErrorKind.UNAUTHORIZED)
				.message("Authentication required for " + what + ": " + howToAuthenticate)
				.build();
		}
		return error.errorType(ErrorKind.FORBIDDEN)
			.message("Principal '" + caller.getName() + "' lacks the role " + what + " needs; its roles are "
					+ caller.getAuthorities())
			.build();
	}

	private static List<GraphQLError> batchRejected(BatchRejected ex, DataFetchingEnvironment env) {
		return ex.problems().stream().map(problem -> {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", problem.code().name());
			extensions.put("record", problem.record());
			if (problem.id() != null) {
				extensions.put("id", problem.id());
			}
			if (problem.field() != null) {
				extensions.put("field", problem.field());
			}
			return error(env, problem.code().classification(), problem.message(), extensions);
		}).toList();
	}

	private static GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure in {} (reference {})", env.getExecutionStepInfo().getPath(), reference, ex);
		return error(env, ErrorKind.INTERNAL_ERROR,
				"Internal error; the service log has the details under reference " + reference,
				Map.of("reference", reference));
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorKind kind, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(env).errorType(kind).message(message).extensions(extensions).build();
	}

}
