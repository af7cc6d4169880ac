package dev.provenant.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import dev.provenant.memory.CacheBounds;
import dev.provenant.memory.Caches;
import dev.provenant.memory.Footprint;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps parsed and validated documents by their text, so that the few operations
 * dashboards, agents and rollback tools send again and again are parsed once: parsing and
 * validation were a tenth of a small query's time. Validation depends only on the
 * document and the schema, which does not change while the service runs; the depth and
 * complexity limits are checked per execution, after this.
 * <p>
 * Bounded by bytes ({@code provenant.caches.graphql-document-bytes}), each document
 * weighed from its text: a request may carry megabytes of query. A document that failed
 * to parse or validate is never kept: its errors are cheap to find again, and a client
 * sending ever new broken texts would otherwise fill the cache with them.
 */
@Component
public class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	/**
	 * Heap bytes a parsed document takes per character of its text: the syntax tree
	 * (nodes, source locations, names) measured at 12 to 20 times the text;
	 * {@code ParsedDocumentsTests} holds the estimate to a measurement.
	 */
	static final int BYTES_PER_CHARACTER = 24;

	private final Cache<Key, PreparsedDocumentEntry> documents;

	ParsedDocuments(Caches caches) {
		this.documents = caches.cache(CacheBounds.GRAPHQL_DOCUMENTS, caches.bounds().graphqlDocumentBytes().toBytes(),
				(key, document) -> weight(key));
	}

	/** The key's two strings, the entry, and the document parsed from the text. */
	static long weight(Key key) {
		return Footprint.string(key.query()) + Footprint.string(key.operationName()) + 256
				+ (long) BYTES_PER_CHARACTER * key.query().length();
	}

	@Override
	public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Key key = new Key(input.getQuery(), input.getOperationName());
		PreparsedDocumentEntry known = this.documents.getIfPresent(key);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
		if (!parsed.hasErrors()) {
			this.documents.put(key, parsed);
		}
		return CompletableFuture.completedFuture(parsed);
	}

	/**
	 * The document parsed from {@code query} if it is kept: it parsed and validated, and
	 * was run lately.
	 */
	public Optional<Document> kept(String query, String operationName) {
		PreparsedDocumentEntry entry = this.documents.getIfPresent(new Key(query, operationName));
		return Optional.ofNullable(entry).map(PreparsedDocumentEntry::getDocument);
	}

	record Key(String query, String operationName) {
	}

}
