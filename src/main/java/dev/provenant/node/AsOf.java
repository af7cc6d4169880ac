package dev.provenant.node;

import java.time.OffsetDateTime;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;

/**
 * Carries a point-in-time question down the response: fields below a result built here
 * read {@code asOf} from the GraphQL local context, so the typed edges of every node
 * returned are those of that instant too.
 */
public final class AsOf {

	/** The name of the local-context value. */
	public static final String KEY = "asOf";

	private AsOf() {
	}

	public static <T> DataFetcherResult<T> result(T data, OffsetDateTime asOf) {
		DataFetcherResult.Builder<T> result = DataFetcherResult.<T>newResult().data(data);
		if (asOf != null) {
			result.localContext(GraphQLContext.newContext().of(KEY, asOf).build());
		}
		return result.build();
	}

}
