package dev.provenant.ingest;

import dev.provenant.security.ForWriters;
import dev.provenant.security.GovernanceAuthority;

import org.springframework.graphql.data.method.annotation.Argument;
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
	IngestReport ingest(@Argument ProvenanceBatch batch, Authentication caller) {
		return this.ingest.ingest(batch, caller.getName(), GovernanceAuthority.mayWrite(caller));
	}

}
