package dev.provenant.ingest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class IngestController {

	private final IngestService ingest;

	IngestController(IngestService ingest) {
		this.ingest = ingest;
	}

	@MutationMapping
	IngestReport ingest(@Argument ProvenanceBatch batch) {
		return this.ingest.ingest(batch);
	}

}
