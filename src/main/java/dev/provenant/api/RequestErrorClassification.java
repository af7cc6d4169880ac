package dev.provenant.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * GraphQL Java reports malformed documents, unknown fields and values that fail scalar
 * coercion (a timestamp without offset, say) under its own classifications. Clients of
 * Provenant see one vocabulary, so those become BAD_REQUEST, with GraphQL Java's
 * classification kept as {@code extensions.reason}.
 */
@Component
class RequestErrorClassification implements WebGraphQlInterceptor {

	private final GraphQlSource graphQl;

	RequestErrorClassification(GraphQlSource graphQl) {
		this.graphQl = graphQl;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			if (response.getErrors().stream().allMatch(RequestErrorClassification::ours)) {
				return response;
			}
			List<GraphQLError> errors = response.getErrors()
				.stream()
				.map(error -> reclassify(error,
						InputErrorMessages.readable(error.getMessage(), this.graphQl.schema(), request.getDocument(),
								request.getVariables())))
				.toList();
			return response.transform(builder -> builder.errors(errors));
		});
	}

	private static boolean ours(ResponseError error) {
		return error.getErrorType() instanceof ErrorKind;
	}

	/**
	 * @param readable the message rewritten for a person ({@link InputErrorMessages}),
	 * when it was about input
	 */
	private static GraphQLError reclassify(ResponseError error, Optional<String> readable) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		ErrorKind kind = ErrorKind.BAD_REQUEST;
		if (error.getErrorType() instanceof ErrorKind own) {
			kind = own;
		}
		else if (error.getErrorType() != null) {
			extensions.put("reason", error.getErrorType().toString());
			if ("INTERNAL_ERROR".equals(error.getErrorType().toString())) {
				kind = ErrorKind.INTERNAL_ERROR;
			}
		}
		extensions.remove("classification");
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(readable.orElse((error.getMessage() == null) ? "Bad request" : error.getMessage()))
			.errorType(kind)
			.extensions(extensions)
			.locations(error.getLocations());
		if (!error.getParsedPath().isEmpty()) {
			builder.path(error.getParsedPath());
		}
		return builder.build();
	}

}
