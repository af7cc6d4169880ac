package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.node.AsOf;
import dev.provenant.security.ForReaders;
import graphql.execution.DataFetcherResult;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ImpactController {

	private final ImpactGraphService impact;

	ImpactController(ImpactGraphService impact) {
		this.impact = impact;
	}

	@ForReaders
	@QueryMapping
	DataFetcherResult<ImpactGraph> impactGraph(@Argument String id, @Argument Integer depth,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, @Argument OffsetDateTime asOf,
			@Argument List<String> expand) {
		// An explicit null means the schema's default, as leaving the argument out does.
		return AsOf.result(this.impact.impactGraph(id, (depth != null) ? depth : 10, new TimeWindow(from, to), asOf,
				(expand != null) ? expand : List.of()), asOf);
	}

}
