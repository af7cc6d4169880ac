package dev.provenant.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.InvalidArgument;
import dev.provenant.graph.NodeKind;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;

import org.springframework.stereotype.Service;

/** Finds nodes by id, id prefix and the words of their name, in one query. */
@Service
class NodeSearch {

	static final int DEFAULT_HITS = 20;

	/** A pick list, not an export: more than this is a sign to type more. */
	static final int MAX_HITS = 100;

	private final GraphStore store;

	NodeSearch(GraphStore store) {
		this.store = store;
	}

	List<SearchHit> search(String text, List<NodeKind> kinds, Integer first) {
		SearchText search = SearchText.of(text);
		int hits = (first != null) ? first : DEFAULT_HITS;
		if (hits < 0 || hits > MAX_HITS) {
			throw new InvalidArgument("first", "first must be between 0 and " + MAX_HITS + ", got " + hits);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("text", search.text());
		parameters.put("query", search.luceneQuery().orElse(null));
		parameters.put("kinds", (kinds != null) ? kinds.stream().map(NodeKind::name).toList() : null);
		parameters.put("first", hits);
		return this.store.read(tx -> this.store.run(tx, "search/find_nodes", parameters)
			.list(row -> new SearchHit(NodeMapping.toNode(row.get("node")),
					SearchMatch.values()[row.get("rank").asInt()])));
	}

}
