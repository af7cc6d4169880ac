package dev.provenant.demo;

import java.io.IOException;
import java.io.InputStream;

import dev.provenant.ingest.IngestReport;
import dev.provenant.ingest.IngestService;
import dev.provenant.ingest.ProvenanceBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo graph at startup. The batch goes through the same ingest as any
 * client's, so a second start finds every record unchanged and writes nothing.
 */
@Component
@ConditionalOnBooleanProperty("provenant.demo")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String LOCATION = "demo/demo-batch.json";

	private final IngestService ingest;

	private final JsonMapper json;

	DemoData(IngestService ingest, JsonMapper json) {
		this.ingest = ingest;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		ProvenanceBatch batch;
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			batch = this.json.readValue(in, ProvenanceBatch.class);
		}
		IngestReport report = this.ingest.ingest(batch, "demo");
		log.info(
				"Demo data seeded: {} records created, {} already present, {} edges created."
						+ " Try the blast radius of ds:open-banking-transactions in GraphiQL at /graphiql",
				report.created(), report.unchanged(), report.edgesCreated());
	}

}
