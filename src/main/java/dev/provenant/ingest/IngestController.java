package dev.provenant.ingest;

import dev.provenant.security.ForWriters;
import dev.provenant.security.GovernanceAuthority;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class IngestController {

	private final IngestService ingest;

	IngestController(IngestService ingest) {
		this.ingest = ingest;
	}

	@ForWriters
	@MutationMapping
	IngestReport ingest(DataFetchingEnvironment environment, Authentication caller) {
		// Bound by hand: see BatchArgument.
		ProvenanceBatch batch = BatchArgument.of(environment.getArgument("batch"));
		return this.ingest.ingest(batch, caller.getName(), GovernanceAuthority.mayWrite(caller));
	}

}
