package dev.provenant.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.provenant.ingest.IngestService;
import dev.provenant.ingest.NewRecords;
import dev.provenant.ingest.ProvenanceBatch;
import dev.provenant.ingest.RecordInput;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Neo4j alone takes to store the benchmark's batches: each batch created by the very
 * statement ingest runs ({@code ingest/create_records}), with the same nodes, labels,
 * properties and edges, in one write transaction through the service's own driver, and
 * nothing else: no checks against the store, no governance, no audit, no HTTP. The
 * records get ids of their own (prefixed {@value #PREFIX}) so that they stay apart from
 * the service's, and are removed before the service ingests.
 */
final class WriteFloor {

	static final String PREFIX = "floor:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Driver driver;

	private final GraphStore store;

	/**
	 * @param store runs the named statements (and counts them), on sessions of the
	 * floor's own
	 */
	WriteFloor(Driver driver, GraphStore store) {
		this.driver = driver;
		this.store = store;
	}

	/**
	 * Creates {@code batch} (as the service's ingest takes it) in one transaction.
	 * @return the records created
	 */
	long create(Map<String, Object> batch) {
		List<RecordInput> records = NewRecords.of(JSON.convertValue(batch, ProvenanceBatch.class));
		Map<String, Object> parameters = NewRecords.parameters(records,
				records.stream().map(IngestService::digestOf).toList(), "bench", OffsetDateTime.now(ZoneOffset.UTC),
				id -> PREFIX + id);
		try (Session session = this.driver.session()) {
			return session.executeWrite(
					tx -> this.store.run(tx, "ingest/create_records", parameters).consume().counters().nodesCreated());
		}
	}

	/** Removes every record the floor created. */
	void remove() {
		try (Session session = this.driver.session()) {
			this.store.run(session, "bench/remove_floor", Map.of("prefix", PREFIX)).consume();
		}
	}

}
