package dev.provenant.api;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Flux;

import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * The answer to a GraphQL request refused before it runs. Over HTTP it is a response
 * holding the classified error. Over WebSocket the error comes as the operation's
 * {@code error} message (the graphql-transport-ws answer to an operation that cannot
 * start), resolved by {@link SubscriptionErrors}; the connection and its other operations
 * carry on.
 */
public final class GraphQlRefusal {

	private GraphQlRefusal() {
	}

	public static WebGraphQlResponse of(WebGraphQlRequest request, LimitExceeded refusal) {
		ExecutionResult result;
		if (request instanceof WebSocketGraphQlRequest) {
			result = ExecutionResult.newExecutionResult().data(failing(refusal)).build();
		}
		else {
			result = ExecutionResult.newExecutionResult().errors(List.of(error(refusal))).build();
		}
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	/**
	 * A stream that fails at once with the refusal, in the form the WebSocket transport
	 * reports as the operation's {@code error} message with these errors (other failures
	 * it reports as an unspecified internal error).
	 */
	public static <T> Flux<T> failing(LimitExceeded refusal) {
		return Flux.error(new SubscriptionPublisherException(List.of(error(refusal)), refusal));
	}

	static graphql.GraphQLError error(LimitExceeded refusal) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorKind.BAD_REQUEST)
			.message(refusal.getMessage())
			.extensions(Map.of("code", refusal.code()))
			.build();
	}

}
