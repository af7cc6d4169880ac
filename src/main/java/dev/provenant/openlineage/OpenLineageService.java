package dev.provenant.openlineage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.provenant.api.StateConflict;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.graph.NodeKind;
import dev.provenant.ingest.IngestService;
import dev.provenant.ingest.ProvenanceBatch;
import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Records OpenLineage events: in one transaction, keeps the new ones as received, maps
 * them into the graph and appends one audit event. Events kept already (a client
 * retrying, or the same file sent again) are recognised by their digest and change
 * nothing.
 */
@Service
public class OpenLineageService {

	private static final Logger log = LoggerFactory.getLogger(OpenLineageService.class);

	private static final Set<String> TERMINAL = Set.of("COMPLETE", "ABORT", "FAIL");

	/** Events mapped again per transaction when replaying. */
	private static final int REPLAY_PAGE = 1000;

	private final GraphStore store;

	private final AuditLog audit;

	private final Clock clock;

	private final MeterRegistry meters;

	private final LineageEventParser parser;

	private final IngestService ingest;

	OpenLineageService(GraphStore store, AuditLog audit, Clock clock, MeterRegistry meters, LineageEventParser parser,
			IngestService ingest) {
		this.parser = parser;
		this.ingest = ingest;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Records the events; {@code actor} is the principal the audit log names.
	 * @return how many of them were new
	 */
	public int record(List<LineageEvent> events, String actor) {
		int recorded = this.store.write(tx -> {
			List<LineageEvent> fresh = fresh(tx, events);
			if (fresh.isEmpty()) {
				return 0;
			}
			OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
			map(tx, fresh, actor, now, null, true);
			return fresh.size();
		});
		this.meters.counter("provenant.openlineage.events", "outcome", "recorded").increment(recorded);
		this.meters.counter("provenant.openlineage.events", "outcome", "replayed").increment(events.size() - recorded);
		return recorded;
	}

	/**
	 * Maps every kept event again with the current mapping, in the order they happened, a
	 * page at a time (each page one transaction and one audit event, {@code replay}):
	 * after the mapping improves, the graph shows what the events always said. Mapping is
	 * idempotent, so replaying twice changes nothing more.
	 * @return how many events were replayed
	 */
	public long replay(String actor) {
		long replayed = 0;
		while (true) {
			long skip = replayed;
			List<LineageEvent> page = this.store
				.read(tx -> this.store.run(tx, "openlineage/events_page", Map.of("skip", skip, "limit", REPLAY_PAGE))
					.list(row -> this.parser.one(row.get("json").asString().getBytes(StandardCharsets.UTF_8))));
			if (page.isEmpty()) {
				return replayed;
			}
			this.store.write(tx -> {
				map(tx, page, actor, OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC), "replay",
						false);
				return null;
			});
			replayed += page.size();
			log.info("Replayed {} OpenLineage events", replayed);
		}
	}

	/**
	 * Maps events into the graph and appends their audit event, in {@code tx}; first
	 * keeps them as received when {@code store}.
	 */
	private void map(TransactionContext tx, List<LineageEvent> events, String actor, OffsetDateTime now, String detail,
			boolean store) {
		LineageMapping mapping = LineageMapping.of(events);
		checkKinds(tx, mapping.kinds());
		List<String> keys = new ArrayList<>(mapping.touched());
		if (store) {
			events.forEach(event -> keys.add(AuditLog.lineageEventKey(event.sha256())));
		}
		AuditLog.Recording recording = this.audit.begin(tx, keys);
		if (store) {
			this.store.run(tx, "openlineage/store_events", Map.of("events", stored(events, now))).consume();
		}
		this.store.run(tx, "openlineage/merge_nodes", Map.of("nodes", mapping.nodes(), "recordedAt", now)).consume();
		setRuns(tx, mapping.runEvents());
		this.store
			.run(tx, "openlineage/merge_edges",
					Map.of("edges", mapping.edges().stream().map(LineageMapping.Edge::asParameter).toList(),
							"recordedAt", now))
			.consume();
		this.audit.append(tx, recording, AuditOperation.OPENLINEAGE, actor, mapping.touched(),
				events.stream().map(LineageEvent::sha256).toList(), detail);
		if (!mapping.decisions().isEmpty()) {
			// Recorded as ingest records them (checks, governance, audit), in this same
			// transaction: a decision refused refuses the events with it.
			this.ingest.ingestWithin(tx,
					new ProvenanceBatch(null, null, null, null, null, null, mapping.decisions(), null), actor);
		}
	}

	/** The events not kept yet, each once. */
	private List<LineageEvent> fresh(TransactionContext tx, List<LineageEvent> events) {
		Map<String, LineageEvent> byDigest = new LinkedHashMap<>();
		events.forEach(event -> byDigest.putIfAbsent(event.sha256(), event));
		this.store.run(tx, "openlineage/known_events", Map.of("digests", List.copyOf(byDigest.keySet())))
			.forEachRemaining(row -> byDigest.remove(row.get("sha256").asString()));
		return List.copyOf(byDigest.values());
	}

	/**
	 * A dataset, job or run id already stored as another kind is refused; nothing is
	 * written.
	 */
	private void checkKinds(TransactionContext tx, Map<String, NodeKind> kinds) {
		this.store.run(tx, "ingest/find_stored", Map.of("ids", List.copyOf(kinds.keySet()))).forEachRemaining(row -> {
			String id = row.get("id").asString();
			NodeKind stored = NodeKind.valueOf(row.get("kind").asString());
			if (stored != kinds.get(id)) {
				throw new StateConflict(id, "'" + id + "' is already stored as a " + stored
						+ "; OpenLineage maps it to a " + kinds.get(id) + ". Nothing was recorded");
			}
		});
	}

	private static List<Map<String, Object>> stored(List<LineageEvent> events, OffsetDateTime receivedAt) {
		List<Map<String, Object>> stored = new ArrayList<>(events.size());
		for (LineageEvent event : events) {
			stored.add(Map.of("sha256", event.sha256(), "type", event.type().name(), "eventTime", event.eventTime(),
					"receivedAt", receivedAt, "json", event.json()));
		}
		return stored;
	}

	/**
	 * Folds each run's new events, in event-time order, into what is stored of it: the
	 * state and facets are those of its latest event (events arrive in any order, and a
	 * late START must not reopen a completed run), the start and end times those of its
	 * START and terminal events.
	 */
	private void setRuns(TransactionContext tx, Map<String, List<LineageMapping.RunEvent>> news) {
		if (news.isEmpty()) {
			return;
		}
		Map<String, Record> stored = new HashMap<>();
		this.store.run(tx, "openlineage/runs", Map.of("ids", List.copyOf(news.keySet())))
			.forEachRemaining(row -> stored.put(row.get("id").asString(), row));
		List<Map<String, Object>> runs = new ArrayList<>();
		news.forEach((id, events) -> {
			Record row = stored.get(id);
			OffsetDateTime last = time(row, "lastEventAt");
			OffsetDateTime startedAt = time(row, "startedAt");
			OffsetDateTime endedAt = time(row, "endedAt");
			Map<String, Object> properties = new HashMap<>();
			for (LineageMapping.RunEvent event : events.stream()
				.sorted(Comparator.comparing(LineageMapping.RunEvent::eventTime))
				.collect(Collectors.toList())) {
				if ("START".equals(event.eventType()) && (startedAt == null || event.eventTime().isBefore(startedAt))) {
					startedAt = event.eventTime();
				}
				if (TERMINAL.contains(event.eventType()) && (endedAt == null || event.eventTime().isAfter(endedAt))) {
					endedAt = event.eventTime();
				}
				if (last == null || !event.eventTime().isBefore(last)) {
					last = event.eventTime();
					if (event.eventType() != null) {
						properties.put("state", event.eventType());
					}
					if (event.facets() != null) {
						properties.put("attributes", event.facets());
					}
				}
			}
			properties.put("lastEventAt", last);
			if (startedAt != null) {
				properties.put("startedAt", startedAt);
			}
			if (endedAt != null) {
				properties.put("endedAt", endedAt);
			}
			runs.add(Map.of("id", id, "properties", properties));
		});
		this.store.run(tx, "openlineage/set_runs", Map.of("runs", runs)).consume();
	}

	private static OffsetDateTime time(Record row, String field) {
		if (row == null) {
			return null;
		}
		Value value = row.get(field);
		return value.isNull() ? null : value.asOffsetDateTime();
	}

}
