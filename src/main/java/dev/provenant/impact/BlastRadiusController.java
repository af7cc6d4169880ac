package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.IdPage;
import dev.provenant.api.PageRequest;
import dev.provenant.graph.Action;
import dev.provenant.graph.Decision;
import dev.provenant.node.AsOf;
import dev.provenant.node.NodeReader;
import dev.provenant.security.ForReaders;
import graphql.execution.DataFetcherResult;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class BlastRadiusController {

	private final BlastRadiusService blastRadius;

	private final NodeReader nodes;

	private final ApiProperties api;

	BlastRadiusController(BlastRadiusService blastRadius, NodeReader nodes, ApiProperties api) {
		this.blastRadius = blastRadius;
		this.nodes = nodes;
		this.api = api;
	}

	@ForReaders
	@QueryMapping
	DataFetcherResult<BlastRadius> blastRadius(@Argument String id, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, @Argument OffsetDateTime asOf) {
		return AsOf.result(this.blastRadius.blastRadius(id, new TimeWindow(from, to), asOf), asOf);
	}

	@SchemaMapping(typeName = "BlastRadius")
	Connection<Decision> decisions(BlastRadius radius, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxPageSize())
			.slice(radius.affectedDecisions(), page -> load(page, Decision.class, radius.asOf()));
	}

	@SchemaMapping(typeName = "BlastRadius")
	Connection<Action> actions(BlastRadius radius, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxPageSize())
			.slice(radius.affectedActions(), page -> load(page, Action.class, radius.asOf()));
	}

	@SchemaMapping(typeName = "BlastRadius")
	IdPage decisionIds(BlastRadius radius, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxIdPageSize())
			.ids(OrderedIds.of(radius.affectedDecisions()), id -> id);
	}

	@SchemaMapping(typeName = "BlastRadius")
	IdPage actionIds(BlastRadius radius, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxIdPageSize())
			.ids(OrderedIds.of(radius.affectedActions()), id -> id);
	}

	/** One query for the whole page. */
	private <T> List<T> load(List<? extends Dated> page, Class<T> type, OffsetDateTime asOf) {
		var found = this.nodes.findAll(page.stream().map(Dated::id).toList(), asOf);
		return page.stream().map(item -> type.cast(found.get(item.id()))).toList();
	}

}
