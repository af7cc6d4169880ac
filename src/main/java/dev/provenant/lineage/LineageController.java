package dev.provenant.lineage;

import java.time.OffsetDateTime;

import dev.provenant.graph.Direction;
import dev.provenant.security.ForReaders;
import dev.provenant.node.AsOf;
import graphql.execution.DataFetcherResult;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class LineageController {

	private final LineageService lineage;

	LineageController(LineageService lineage) {
		this.lineage = lineage;
	}

	@ForReaders
	@QueryMapping
	DataFetcherResult<Lineage> lineage(@Argument String id, @Argument Direction direction, @Argument Integer depth,
			@Argument OffsetDateTime asOf) {
		// An explicit null means the schema's default, as leaving the argument out does.
		return AsOf.result(this.lineage.lineage(id, (direction != null) ? direction : Direction.UPSTREAM,
				(depth != null) ? depth : 10, asOf), asOf);
	}

}
