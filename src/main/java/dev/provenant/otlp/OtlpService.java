package dev.provenant.otlp;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.api.BatchRejected;
import dev.provenant.api.RecordProblem;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.graph.NodeKind;
import dev.provenant.ingest.IngestService;
import dev.provenant.ingest.ProvenanceBatch;
import dev.provenant.ingest.ProvenanceBatch.ActionInput;
import dev.provenant.ingest.ProvenanceBatch.DataSourceInput;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.ingest.ProvenanceBatch.ModelVersionInput;
import dev.provenant.ingest.RecordInput;
import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Keeps spans and maps their traces into the graph, in one transaction per request (ADR
 * 14): the spans not kept yet are stored, and each trace they belong to is mapped again
 * with every span kept of it. What is new (a decision, an action, the agent's run) is
 * recorded as an ingest records it, with its checks, governance and audit event; what a
 * trace's later spans would change in a decision already recorded is not applied, since
 * it was assessed and audited as it was, and is counted as late.
 */
@Service
class OtlpService {

	private static final Logger log = LoggerFactory.getLogger(OtlpService.class);

	private final GraphStore store;

	private final AuditLog audit;

	private final IngestService ingest;

	private final Clock clock;

	private final MeterRegistry meters;

	OtlpService(GraphStore store, AuditLog audit, IngestService ingest, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.audit = audit;
		this.ingest = ingest;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * What a request's spans came to.
	 *
	 * @param kept spans stored now
	 * @param resent spans that were kept already and changed nothing
	 * @param rejected spans refused with their trace, which is not mapped: nothing of
	 * them is stored
	 * @param problems why, a line per refused trace
	 * @param late records a trace's later spans would have changed, not applied
	 */
	record Outcome(int kept, int resent, int rejected, List<String> problems, int late) {
	}

	/** Keeps the spans and maps their traces; {@code actor} is who sent them. */
	Outcome record(List<KeptSpan> spans, String actor) {
		Outcome outcome = this.store.write(tx -> record(tx, spans, actor));
		this.meters.counter("provenant.otlp.spans", "outcome", "kept").increment(outcome.kept());
		this.meters.counter("provenant.otlp.spans", "outcome", "resent").increment(outcome.resent());
		this.meters.counter("provenant.otlp.spans", "outcome", "rejected").increment(outcome.rejected());
		this.meters.counter("provenant.otlp.records.late").increment(outcome.late());
		return outcome;
	}

	private Outcome record(TransactionContext tx, List<KeptSpan> spans, String actor) {
		// Under the audit head from the start: which spans are new, and what is stored of
		// their traces, must not change before this write commits.
		this.audit.lock(tx);
		Map<String, KeptSpan> fresh = new LinkedHashMap<>();
		spans.forEach(span -> fresh.putIfAbsent(span.key(), span));
		this.store.run(tx, "otlp/known_spans", Map.of("keys", List.copyOf(fresh.keySet())))
			.forEachRemaining(row -> fresh.remove(row.get("key").asString()));
		int resent = spans.size() - fresh.size();
		if (fresh.isEmpty()) {
			return new Outcome(0, resent, 0, List.of(), 0);
		}
		Map<String, List<KeptSpan>> traces = new LinkedHashMap<>();
		fresh.values().forEach(span -> traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span));
		Map<String, List<KeptSpan>> all = new HashMap<>();
		traces.forEach((id, news) -> all.put(id, new ArrayList<>(news)));
		this.store.run(tx, "otlp/trace_spans", Map.of("traceIds", List.copyOf(traces.keySet())))
			.forEachRemaining(row -> {
				KeptSpan kept = KeptSpan.fromProperties(row.get("span").asMap());
				all.get(kept.traceId()).add(kept);
			});
		Map<String, TraceMapping> mappings = new LinkedHashMap<>();
		traces.keySet().forEach(id -> mappings.put(id, TraceMapping.of(all.get(id))));
		Map<String, Stored> stored = stored(tx, mappings.values());

		List<String> problems = new ArrayList<>();
		int rejected = 0;
		int late = 0;
		Map<String, Recorded> recorded = new LinkedHashMap<>();
		for (Map.Entry<String, TraceMapping> trace : mappings.entrySet()) {
			String conflict = kindConflict(trace.getValue(), stored);
			if (conflict != null) {
				rejected += traces.get(trace.getKey()).size();
				problems.add("trace " + trace.getKey() + ": " + conflict);
				continue;
			}
			Recorded news = news(trace.getKey(), trace.getValue(), stored);
			late += news.late;
			recorded.put(trace.getKey(), news);
		}
		// All traces' news in one ingest, as one batch; if it is refused, trace by trace,
		// so
		// that one trace's bad reference refuses that trace alone. A refused ingest has
		// written nothing (it checks everything first). A single trace's refusal is known
		// already.
		if (!ingested(tx, recorded.values(), actor)) {
			boolean several = recorded.size() > 1;
			for (Map.Entry<String, Recorded> trace : new ArrayList<>(recorded.entrySet())) {
				if (several && ingested(tx, List.of(trace.getValue()), actor)) {
					continue;
				}
				recorded.remove(trace.getKey());
				rejected += traces.get(trace.getKey()).size();
				problems.add("trace " + trace.getKey() + ": " + trace.getValue().refusal);
			}
		}
		List<KeptSpan> keep = new ArrayList<>();
		recorded.keySet().forEach(id -> keep.addAll(traces.get(id)));
		if (!keep.isEmpty()) {
			keep(tx, keep, recorded.keySet().stream().map(mappings::get).toList(), actor);
		}
		return new Outcome(keep.size(), resent, rejected, List.copyOf(problems), late);
	}

	/**
	 * Stores the spans, the runs and the edges their traces imply, as one audited write.
	 */
	private void keep(TransactionContext tx, List<KeptSpan> spans, List<TraceMapping> mappings, String actor) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		List<Map<String, Object>> runs = new ArrayList<>();
		Set<TraceMapping.Edge> edges = new LinkedHashSet<>();
		Set<String> touched = new LinkedHashSet<>();
		for (TraceMapping mapping : mappings) {
			runs.addAll(mapping.runs());
			edges.addAll(mapping.edges());
			mapping.runKinds().keySet().forEach(touched::add);
			mapping.edges().forEach(edge -> touched.add(edge.from()));
		}
		List<String> keys = new ArrayList<>(touched);
		spans.forEach(span -> keys.add(AuditLog.otlpSpanKey(span.key())));
		AuditLog.Recording recording = this.audit.begin(tx, keys);
		this.store
			.run(tx, "otlp/store_spans",
					Map.of("spans", spans.stream().map(KeptSpan::asProperties).toList(), "receivedAt", now))
			.consume();
		if (!runs.isEmpty()) {
			this.store.run(tx, "openlineage/merge_nodes", Map.of("nodes", runs, "recordedAt", now)).consume();
		}
		if (!edges.isEmpty()) {
			this.store
				.run(tx, "otlp/merge_edges",
						Map.of("edges", edges.stream().map(TraceMapping.Edge::asParameter).toList(), "recordedAt", now))
				.consume();
		}
		this.audit.append(tx, recording, AuditOperation.OTLP, actor, List.copyOf(touched),
				spans.stream().map(KeptSpan::key).toList(), spans.size() + " span(s)");
	}

	/**
	 * Ingests the traces' news together; false when the batch was refused, each trace
	 * then holding why.
	 */
	private boolean ingested(TransactionContext tx, java.util.Collection<Recorded> traces, String actor) {
		Map<String, DataSourceInput> sources = new LinkedHashMap<>();
		Map<String, ModelVersionInput> models = new LinkedHashMap<>();
		List<DecisionInput> decisions = new ArrayList<>();
		List<ActionInput> actions = new ArrayList<>();
		for (Recorded trace : traces) {
			trace.sources.forEach(source -> sources.putIfAbsent(source.id(), source));
			trace.models.forEach(model -> models.putIfAbsent(model.id(), model));
			decisions.addAll(trace.decisions);
			actions.addAll(trace.actions);
		}
		if (sources.isEmpty() && models.isEmpty() && decisions.isEmpty() && actions.isEmpty()) {
			return true;
		}
		try {
			this.ingest.ingestWithin(tx, new ProvenanceBatch(List.copyOf(sources.values()), null,
					List.copyOf(models.values()), null, null, null, decisions, actions), actor);
			return true;
		}
		catch (BatchRejected ex) {
			String refusal = String.join("; ", ex.problems().stream().map(RecordProblem::message).toList());
			traces.forEach(trace -> trace.refusal = refusal);
			return false;
		}
	}

	/**
	 * What of a trace's mapping is new: shared nodes not stored yet, and decisions and
	 * actions not recorded yet. A decision or action recorded already with other content
	 * is late news and left as it was.
	 */
	private Recorded news(String traceId, TraceMapping mapping, Map<String, Stored> stored) {
		Recorded news = new Recorded();
		mapping.dataSources().values().stream().filter(s -> !stored.containsKey(s.id())).forEach(news.sources::add);
		mapping.models().values().stream().filter(m -> !stored.containsKey(m.id())).forEach(news.models::add);
		for (DecisionInput decision : mapping.decisions()) {
			if (isNew(traceId, decision, stored, news)) {
				news.decisions.add(decision);
			}
		}
		for (ActionInput action : mapping.actions()) {
			if (isNew(traceId, action, stored, news)) {
				news.actions.add(action);
			}
		}
		return news;
	}

	private boolean isNew(String traceId, RecordInput record, Map<String, Stored> stored, Recorded news) {
		Stored existing = stored.get(record.id());
		if (existing == null || existing.kind != record.kind()) {
			// A kind that differs is the ingest's to refuse, with its message.
			return true;
		}
		if (!IngestService.digestOf(record).equals(existing.digest)) {
			news.late++;
			log.warn("Trace {}: spans that arrived after {} '{}' was recorded would change it; it is kept as recorded",
					traceId, record.kind(), record.id());
		}
		return false;
	}

	/** A run or job id stored as another kind (a dataset named so) refuses the trace. */
	private static String kindConflict(TraceMapping mapping, Map<String, Stored> stored) {
		for (Map.Entry<String, NodeKind> run : mapping.runKinds().entrySet()) {
			Stored existing = stored.get(run.getKey());
			if (existing != null && existing.kind != run.getValue()) {
				return "'" + run.getKey() + "' is already stored as a " + existing.kind + "; the trace maps it to a "
						+ run.getValue() + ". Nothing of the trace was kept";
			}
		}
		return null;
	}

	private Map<String, Stored> stored(TransactionContext tx, java.util.Collection<TraceMapping> mappings) {
		Set<String> ids = new LinkedHashSet<>();
		for (TraceMapping mapping : mappings) {
			ids.addAll(mapping.dataSources().keySet());
			ids.addAll(mapping.models().keySet());
			mapping.decisions().forEach(d -> ids.add(d.id()));
			mapping.actions().forEach(a -> ids.add(a.id()));
			ids.addAll(mapping.runKinds().keySet());
		}
		Map<String, Stored> stored = new HashMap<>();
		this.store.run(tx, "ingest/find_stored", Map.of("ids", List.copyOf(ids))).forEachRemaining(row -> {
			Value digest = row.get("digest");
			stored.put(row.get("id").asString(), new Stored(NodeKind.valueOf(row.get("kind").asString()),
					digest.isNull() ? null : digest.asString()));
		});
		return stored;
	}

	private record Stored(NodeKind kind, String digest) {
	}

	/** What one trace adds to the graph. */
	private static final class Recorded {

		final List<DataSourceInput> sources = new ArrayList<>();

		final List<ModelVersionInput> models = new ArrayList<>();

		final List<DecisionInput> decisions = new ArrayList<>();

		final List<ActionInput> actions = new ArrayList<>();

		int late;

		String refusal;

	}

}
