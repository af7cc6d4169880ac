package dev.provenant.api;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Refuses a GraphQL document longer than {@code provenant.api.max-query-chars} before it
 * is parsed: parsing and validating cost time and memory in proportion to the text, and
 * the parsed documents are kept (see {@link ParsedDocuments}), so a caller sending huge
 * texts would spend both. Applies to HTTP and to each operation sent over WebSocket.
 */
@Component
class QueryLength implements WebGraphQlInterceptor, Ordered {

	private final ApiProperties api;

	QueryLength(ApiProperties api) {
		this.api = api;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String document = request.getDocument();
		if (document != null && document.length() > this.api.maxQueryChars()) {
			return Mono.just(GraphQlRefusal.of(request,
					new LimitExceeded("QUERY_TOO_LONG",
							"The query is " + document.length() + " characters long; the limit is "
									+ this.api.maxQueryChars()
									+ " (provenant.api.max-query-chars). Send variables instead of literals.")));
		}
		return chain.next(request);
	}

	/** After the caller's rate is counted (a refused text still costs a request). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
