package dev.provenant.api;

import graphql.execution.DataFetcherExceptionHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Runs queries with {@link IdListsAtOnce}. A query strategy of one's own replaces the one
 * GraphQL Java would make with the exception handler Spring gives it, so it gets the same
 * handler: the one Spring makes from every exception resolver, in their order, which is
 * what classifies an error a data fetcher throws.
 */
@Component
class QueryExecution implements GraphQlSourceBuilderCustomizer {

	private final ObjectProvider<DataFetcherExceptionResolver> resolvers;

	QueryExecution(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
		this.resolvers = resolvers;
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		DataFetcherExceptionHandler exceptions = DataFetcherExceptionResolver
			.createExceptionHandler(this.resolvers.orderedStream().toList());
		builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(new IdListsAtOnce(exceptions)));
	}

}
