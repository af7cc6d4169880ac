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

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps exceptions to GraphQL errors. Users get what they need to fix a request;
 * unexpected failures get a reference to the log line instead of a stack trace or the
 * Cypher that failed.
 */
@ControllerAdvice
class GraphQlErrors {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgument ex, DataFetchingEnvironment env) {
		return error(env, ErrorKind.BAD_REQUEST, ex.getMessage(), Map.of("argument", ex.argument()));
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(NodeNotFound ex, DataFetchingEnvironment env) {
		return error(env, ErrorKind.NOT_FOUND, ex.getMessage(), Map.of("id", ex.id()));
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(Forbidden ex, DataFetchingEnvironment env) {
		return error(env, ErrorKind.FORBIDDEN, ex.getMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError conflict(StateConflict ex, DataFetchingEnvironment env) {
		return error(env, ErrorKind.CONFLICT, ex.getMessage(), Map.of("id", ex.id()));
	}

	@GraphQlExceptionHandler
	List<GraphQLError> batchRejected(BatchRejected ex, DataFetchingEnvironment env) {
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

	@GraphQlExceptionHandler
	GraphQLError unexpected(Exception ex, DataFetchingEnvironment env) {
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
