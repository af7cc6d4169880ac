package dev.provenant.api;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.provenant.audit.AuditLog;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log lines written while serving a request name its principal and GraphQL operation
 * (structured logs carry them as fields).
 */
class LogContextIT extends GraphQlIT {

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Logger audit;

	@BeforeEach
	void listen() {
		this.audit = (Logger) LoggerFactory.getLogger(AuditLog.class);
		this.lines.start();
		this.audit.addAppender(this.lines);
	}

	@AfterEach
	void stopListening() {
		this.audit.detachAppender(this.lines);
	}

	@Test
	void aRequestsLogLinesNameItsPrincipalAndOperation() {
		Map<String, Object> batch = story().dataSource("crm").batch();
		as(TestKeys.WRITER)
			.document("mutation RecordSources($batch: ProvenanceBatch!) { ingest(batch: $batch) {" + " created } }")
			.variable("batch", batch)
			.execute()
			.errors()
			.verify();
		as(TestKeys.WRITER)
			.document("mutation { ingest(batch: {dataSources: [{id: \"" + id("erp") + "\"}]}) { created } }")
			.execute()
			.errors()
			.verify();

		List<Map<String, String>> contexts = this.lines.list.stream()
			.filter(line -> line.getFormattedMessage().contains("INGEST"))
			.map(ILoggingEvent::getMDCPropertyMap)
			.toList();
		assertThat(contexts).hasSize(2);
		assertThat(contexts.get(0)).containsEntry("principal", "test-writer")
			.containsEntry("graphql.operation", "RecordSources");
		assertThat(contexts.get(1)).containsEntry("principal", "test-writer")
			.containsEntry("graphql.operation", "anonymous");
	}

}
