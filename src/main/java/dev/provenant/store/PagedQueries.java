package dev.provenant.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.PageRequest;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/**
 * Lists paged in Cypher: a named query returning one page
 * ({@code SKIP $skip LIMIT $limit}) and a named count query ({@code RETURN … AS total})
 * over the same parameters, run in one read transaction so that page and total agree.
 */
@Component
public class PagedQueries {

	private final GraphStore store;

	private final ApiProperties api;

	PagedQueries(GraphStore store, ApiProperties api) {
		this.store = store;
		this.api = api;
	}

	public <T> Connection<T> page(String query, String countQuery, Map<String, Object> parameters, Integer first,
			String after, Function<Record, T> item) {
		PageRequest page = PageRequest.of(first, after, this.api.maxPageSize());
		Map<String, Object> paged = new HashMap<>(parameters);
		paged.put("skip", page.offset());
		paged.put("limit", page.size());
		return this.store.read(tx -> {
			List<T> items = new ArrayList<>();
			this.store.run(tx, query, paged).forEachRemaining(row -> items.add(item.apply(row)));
			int total = this.store.run(tx, countQuery, paged).single().get("total").asInt();
			return page.page(items, total);
		});
	}

}
