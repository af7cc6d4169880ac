package dev.provenant.search;

import java.util.List;

import dev.provenant.graph.NodeKind;
import dev.provenant.security.ForReaders;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchController {

	private final NodeSearch search;

	SearchController(NodeSearch search) {
		this.search = search;
	}

	@ForReaders
	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument List<NodeKind> kinds, @Argument Integer first) {
		return this.search.search(text, kinds, first);
	}

}
