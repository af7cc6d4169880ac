package dev.provenant.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.provenant.store.GraphStore;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Writes the whole graph and audit log as NDJSON: a header naming the audit head, then
 * one line per node, edge and audit event, then a trailer with the counts (so a cut-off
 * copy is recognised on import). The export holds the audit head's lock for its duration:
 * every write takes that lock to append its event, so none commits half-way through the
 * copy, and the copy is consistent.
 */
@Service
public class GraphExport {

	static final String FORMAT = "provenant-export";

	static final int VERSION = 3;

	private static final Logger log = LoggerFactory.getLogger(GraphExport.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	private final Clock clock;

	GraphExport(GraphStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Writes the export to {@code out}; returns the counts written. */
	public ExportCounts export(OutputStream out) {
		long started = System.nanoTime();
		ExportCounts counts = this.store.once(tx -> {
			Record head = this.store.run(tx, "audit/lock_head", Map.of()).single();
			Map<String, Object> header = new LinkedHashMap<>();
			header.put("format", FORMAT);
			header.put("version", VERSION);
			header.put("exportedAt", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
			header.put("headSequence", head.get("sequence").asLong());
			header.put("headHash", head.get("hash").asString());
			line(out, header);
			long nodes = lines(tx, "backup/export_nodes", out,
					row -> Map.of("node", Map.of("labels", labels(row), "properties", properties(row))));
			long edges = lines(tx, "backup/export_edges", out,
					row -> Map.of("edge", Map.of("type", row.get("type").asString(), "from", row.get("from").asString(),
							"to", row.get("to").asString(), "properties", properties(row))));
			long events = lines(tx, "backup/export_audit_events", out, row -> Map.of("auditEvent", properties(row)));
			long lineageEvents = lines(tx, "backup/export_lineage_events", out,
					row -> Map.of("lineageEvent", properties(row)));
			long otlpSpans = lines(tx, "backup/export_otlp_spans", out, row -> Map.of("otlpSpan", properties(row)));
			ExportCounts written = new ExportCounts(nodes, edges, events, lineageEvents, otlpSpans);
			line(out, Map.of("end", written));
			return written;
		});
		flush(out);
		log.info(
				"Exported {} nodes, {} edges, {} audit events, {} OpenLineage events and {} OpenTelemetry spans in {} ms",
				counts.nodes(), counts.edges(), counts.auditEvents(), counts.lineageEvents(), counts.otlpSpans(),
				(System.nanoTime() - started) / 1_000_000);
		return counts;
	}

	private long lines(SimpleQueryRunner tx, String query, OutputStream out,
			Function<Record, Map<String, Object>> toLine) {
		long[] count = { 0 };
		this.store.run(tx, query, Map.of()).forEachRemaining(row -> {
			line(out, toLine.apply(row));
			count[0]++;
		});
		return count[0];
	}

	/** Sorted: Neo4j lists labels in the order the database first met them. */
	private static List<String> labels(Record row) {
		return row.get("labels").asList(Value::asString).stream().sorted().toList();
	}

	private static Map<String, Object> properties(Record row) {
		return PropertyValues.toJson(row.get("properties").asMap());
	}

	private static void line(OutputStream out, Object value) {
		try {
			out.write(JSON.writeValueAsBytes(value));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The export could not be written", ex);
		}
	}

	private static void flush(OutputStream out) {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The export could not be written", ex);
		}
	}

	/** How many of each an export holds. */
	public record ExportCounts(long nodes, long edges, long auditEvents, long lineageEvents, long otlpSpans) {
	}

}
