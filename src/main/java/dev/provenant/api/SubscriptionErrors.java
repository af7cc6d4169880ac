package dev.provenant.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * A subscription's stream fails outside any field, so {@link GraphQlErrors} does not see
 * it: method security refusing a subscription is classified here as it is for queries, a
 * limit refusing an operation over WebSocket (see {@link GraphQlRefusal}) keeps its code,
 * and anything else gets a log reference instead of its message.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

	SubscriptionErrors() {
		// Reading the caller needs the connection's security context restored.
		setThreadLocalContextAware(true);
	}

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex) {
		if (ex instanceof LimitExceeded limit) {
			return List.of(GraphQlRefusal.error(limit));
		}
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			return List.of(GraphQlErrors.denied(GraphqlErrorBuilder.newError(), "this subscription",
					"send an API key in connection_init's payload ({\"X-API-Key\": ...} or "
							+ "{\"Authorization\": \"Bearer ...\"}) or in the upgrade request's headers"));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure in a subscription (reference {})", reference, ex);
		return error(ErrorKind.INTERNAL_ERROR,
				"Internal error; the service log has the details under reference " + reference,
				Map.of("reference", reference));
	}

	private static List<GraphQLError> error(ErrorKind kind, String message, Map<String, Object> extensions) {
		return List.of(GraphqlErrorBuilder.newError().errorType(kind).message(message).extensions(extensions).build());
	}

}
