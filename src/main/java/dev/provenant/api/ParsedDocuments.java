package dev.provenant.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps parsed and validated documents by their text, so that the few operations
 * dashboards, agents and rollback tools send again and again are parsed once: parsing and
 * validation were a tenth of a small query's time. Validation depends only on the
 * document and the schema, which does not change while the service runs; the depth and
 * complexity limits are checked per execution, after this.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	/**
	 * The memory the kept documents may take; a client sending ever new texts only churns
	 * the cache.
	 */
	private static final long KEPT_BYTES = 64L * 1024 * 1024;

	/**
	 * What a document costs per character of its text, roughly: the text itself (two
	 * bytes a character) and its parsed, validated tree, several times larger.
	 */
	private static final int BYTES_PER_CHAR = 20;

	/**
	 * Bounded by size, not count: a thousand texts of the longest length allowed
	 * ({@code provenant.api.max-query-chars}) would otherwise hold gigabytes.
	 */
	private final Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
		.maximumWeight(KEPT_BYTES)
		.weigher((Key key,
				PreparsedDocumentEntry entry) -> (int) Math.min(Integer.MAX_VALUE,
						(long) BYTES_PER_CHAR * (key.query().length() + 100)))
		.recordStats()
		.build();

	ParsedDocuments(MeterRegistry meters) {
		// cache.gets, cache.puts, cache.size... tagged cache=graphql.documents
		CaffeineCacheMetrics.monitor(meters, this.documents, "graphql.documents");
	}

	@Override
	public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Key key = new Key(input.getQuery(), input.getOperationName());
		return CompletableFuture.completedFuture(this.documents.get(key, ignored -> parseAndValidate.apply(input)));
	}

	private record Key(String query, String operationName) {
	}

}
