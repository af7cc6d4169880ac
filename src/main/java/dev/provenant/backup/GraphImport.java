package dev.provenant.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.provenant.api.InvalidArgument;
import dev.provenant.api.StateConflict;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditVerification;
import dev.provenant.audit.AuditVerifier;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Restores an export into an empty store, in one transaction: a file that is malformed,
 * cut off, or whose audit log does not end at the head its header names changes nothing.
 * Nodes are created before the edges and audit events that name them, as the export
 * orders them.
 */
@Service
public class GraphImport {

	private static final Logger log = LoggerFactory.getLogger(GraphImport.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 1000;

	private final GraphStore store;

	private final AuditLog audit;

	private final AuditVerifier verifier;

	GraphImport(GraphStore store, AuditLog audit, AuditVerifier verifier) {
		this.store = store;
		this.audit = audit;
		this.verifier = verifier;
	}

	public GraphExport.ExportCounts importFrom(InputStream in) {
		long started = System.nanoTime();
		GraphExport.ExportCounts counts = this.store.once(tx -> {
			requireEmpty(tx);
			return new Reading(tx).read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		});
		this.audit.headMoved(counts.auditEvents());
		log.info("Imported {} nodes, {} edges and {} audit events in {} ms", counts.nodes(), counts.edges(),
				counts.auditEvents(), (System.nanoTime() - started) / 1_000_000);
		return counts;
	}

	private void requireEmpty(SimpleQueryRunner tx) {
		Record counts = this.store.run(tx, "backup/store_counts", Map.of()).single();
		if (counts.get("nodes").asLong() > 0 || counts.get("auditEvents").asLong() > 0
				|| counts.get("headSequence").asLong() > 0) {
			throw new StateConflict("store", "The store already holds " + counts.get("nodes").asLong() + " nodes and "
					+ counts.get("auditEvents").asLong() + " audit events; an export is restored into an empty store");
		}
	}

	/** One pass over the file, sending rows to Neo4j a batch at a time. */
	private final class Reading {

		private final SimpleQueryRunner tx;

		private final List<Map<String, Object>> pending = new ArrayList<>();

		private String pendingQuery;

		private String section = "node";

		private int lineNumber;

		private long nodes;

		private long edges;

		private long events;

		private long lineageEvents;

		private long otlpSpans;

		private Map<?, ?> lastEvent;

		Reading(SimpleQueryRunner tx) {
			this.tx = tx;
		}

		GraphExport.ExportCounts read(BufferedReader reader) {
			Map<?, ?> header = header(next(reader));
			Map<?, ?> line;
			while ((line = next(reader)) != null) {
				if (line.containsKey("end")) {
					flush();
					checkEnd(header, (Map<?, ?>) line.get("end"));
					if (next(reader) != null) {
						throw invalid("nothing may follow the end line");
					}
					return new GraphExport.ExportCounts(this.nodes, this.edges, this.events, this.lineageEvents,
							this.otlpSpans);
				}
				add(line);
			}
			throw invalid("the file ends without its end line: the export was cut off");
		}

		private Map<?, ?> header(Map<?, ?> header) {
			if (header == null || !GraphExport.FORMAT.equals(header.get("format"))) {
				throw invalid("the first line is not the header of a Provenant export");
			}
			// Version 1 had no OpenLineage events, version 2 no OpenTelemetry spans; each
			// reads as the
			// current version without them.
			if (!(header.get("version") instanceof Integer version) || version < 1 || version > GraphExport.VERSION) {
				throw invalid("export format version " + header.get("version") + " is not supported; this Provenant "
						+ "reads version " + GraphExport.VERSION);
			}
			return header;
		}

		private void add(Map<?, ?> line) {
			if (line.get("node") instanceof Map<?, ?> node && "node".equals(this.section)) {
				queue("backup/import_nodes", Map.of("labels", labels(node.get("labels")), "properties",
						PropertyValues.fromJson(map(node.get("properties")), where())));
				this.nodes++;
			}
			else if (line.get("edge") instanceof Map<?, ?> edge && !"auditEvent".equals(this.section)) {
				this.section = "edge";
				queue("backup/import_edges",
						Map.of("type", text(edge.get("type")), "from", text(edge.get("from")), "to",
								text(edge.get("to")), "properties",
								PropertyValues.fromJson(map(edge.get("properties")), where())));
				this.edges++;
			}
			else if (line.get("auditEvent") instanceof Map<?, ?> event && !"lineageEvent".equals(this.section)) {
				this.section = "auditEvent";
				queue("backup/import_audit_events", Map.of("properties", PropertyValues.fromJson(event, where())));
				this.events++;
				this.lastEvent = event;
			}
			else if (line.get("lineageEvent") instanceof Map<?, ?> event && !"otlpSpan".equals(this.section)) {
				this.section = "lineageEvent";
				queue("backup/import_lineage_events", Map.of("properties", PropertyValues.fromJson(event, where())));
				this.lineageEvents++;
			}
			else if (line.get("otlpSpan") instanceof Map<?, ?> span) {
				this.section = "otlpSpan";
				queue("backup/import_otlp_spans", Map.of("properties", PropertyValues.fromJson(span, where())));
				this.otlpSpans++;
			}
			else {
				throw invalid("expected a node, edge, auditEvent, lineageEvent or otlpSpan line, in that order");
			}
		}

		private void queue(String query, Map<String, Object> row) {
			if (!query.equals(this.pendingQuery) || this.pending.size() == BATCH) {
				flush();
				this.pendingQuery = query;
			}
			this.pending.add(row);
		}

		private void flush() {
			if (this.pending.isEmpty()) {
				return;
			}
			long created = GraphImport.this.store
				.run(this.tx, this.pendingQuery, Map.of("rows", List.copyOf(this.pending)))
				.single()
				.get("created")
				.asLong();
			if (created != this.pending.size()) {
				throw invalid("an edge before this line joins a node the export does not hold");
			}
			this.pending.clear();
		}

		private void checkEnd(Map<?, ?> header, Map<?, ?> end) {
			if (end == null || !number(end.get("nodes"), this.nodes) || !number(end.get("edges"), this.edges)
					|| !number(end.get("auditEvents"), this.events)
					|| !number(end.containsKey("lineageEvents") ? end.get("lineageEvents") : 0L, this.lineageEvents)
					|| !number(end.containsKey("otlpSpans") ? end.get("otlpSpans") : 0L, this.otlpSpans)) {
				throw invalid("the end line counts " + end + " but the file holds " + this.nodes + " nodes, "
						+ this.edges + " edges, " + this.events + " audit events, " + this.lineageEvents
						+ " OpenLineage events and " + this.otlpSpans + " OpenTelemetry spans");
			}
			long headSequence = ((Number) header.get("headSequence")).longValue();
			Object lastSequence = (this.lastEvent != null) ? this.lastEvent.get("sequence") : 0;
			Object lastHash = (this.lastEvent != null) ? this.lastEvent.get("hash") : header.get("headHash");
			if (!number(lastSequence, headSequence) || !header.get("headHash").equals(lastHash)) {
				throw invalid("the audit log ends at event " + lastSequence + ", not at the head the header names ("
						+ headSequence + ")");
			}
			GraphImport.this.store
				.run(this.tx, "backup/import_head", Map.of("sequence", headSequence, "hash", header.get("headHash")))
				.consume();
			// Nothing is restored that does not prove itself: the chain, every record
			// against it, and no record the log does not account for.
			GraphImport.this.audit.adoptImported(this.tx);
			AuditVerification verified = GraphImport.this.verifier.verifyWithin(this.tx);
			if (!verified.ok()) {
				throw invalid("its audit log does not verify at event #" + verified.firstBrokenSequence() + ": "
						+ verified.problem());
			}
		}

		private Map<?, ?> next(BufferedReader reader) {
			try {
				String text = reader.readLine();
				this.lineNumber++;
				while (text != null && text.isBlank()) {
					text = reader.readLine();
					this.lineNumber++;
				}
				return (text != null) ? JSON.readValue(text, Map.class) : null;
			}
			catch (JacksonException ex) {
				throw invalid("not a JSON object");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The import could not be read", ex);
			}
		}

		private List<String> labels(Object labels) {
			if (labels instanceof List<?> list && !list.isEmpty() && list.contains("Node")
					&& list.stream().allMatch(String.class::isInstance)) {
				return list.stream().map(String.class::cast).toList();
			}
			throw invalid("a node's labels must be a list of names including Node");
		}

		private Map<?, ?> map(Object value) {
			if (value instanceof Map<?, ?> map) {
				return map;
			}
			throw invalid("properties must be an object");
		}

		private String text(Object value) {
			if (value instanceof String text && !text.isBlank()) {
				return text;
			}
			throw invalid("an edge needs a type, from and to");
		}

		private static boolean number(Object value, long expected) {
			return value instanceof Number number && number.longValue() == expected;
		}

		private String where() {
			return "line " + this.lineNumber;
		}

		private InvalidArgument invalid(String problem) {
			return new InvalidArgument("import",
					"Line " + this.lineNumber + " of the import: " + problem + "; nothing was imported");
		}

	}

}
