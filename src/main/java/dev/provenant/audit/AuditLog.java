package dev.provenant.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Appends audit events. Every write calls {@link #begin} before it changes anything and
 * {@link #append} after, in its own transaction, so the event commits with the write or
 * not at all. Beginning locks the head, which serialises recorded writes: sequence
 * numbers have no gaps, every event chains from the one before, and each event's facts
 * before and after are the write's own (ADR 11).
 */
@Component
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final GraphStore store;

	private final Facts facts;

	private final Checkpoints checkpoints;

	private final Clock clock;

	private final AtomicLong headSequence = new AtomicLong();

	private final MeterRegistry meters;

	private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * The head as the last write transaction to lock or move it left it, so that
	 * {@link #append} need not read it again (see {@link #knownHeadOf}).
	 */
	private final java.util.concurrent.atomic.AtomicReference<KnownHead> knownHead = new java.util.concurrent.atomic.AtomicReference<>();

	AuditLog(GraphStore store, Facts facts, Checkpoints checkpoints, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.store = store;
		this.facts = facts;
		this.checkpoints = checkpoints;
		this.clock = clock;
		baselineIfNeeded();
		this.headSequence
			.set(this.store.read(tx -> this.store.run(tx, "audit/head", Map.of()).single()).get("sequence").asLong());
		Gauge.builder("provenant.audit.head.sequence", this.headSequence, AtomicLong::get)
			.description("Sequence number of the latest audit event")
			.register(meters);
	}

	/**
	 * Hands every event appended from now on to {@code listener}, inside the appending
	 * transaction, with what the write left in the touched nodes.
	 */
	public void onAppend(AppendListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * The highest audit sequence this instance has seen committed (its own writes, and
	 * restores); 0 before any.
	 */
	public long committedSequence() {
		return this.headSequence.get();
	}

	/**
	 * Tells the metrics the head moved outside {@link #append}, e.g. by restoring an
	 * export.
	 */
	public void headMoved(long sequence) {
		this.headSequence.accumulateAndGet(sequence, Math::max);
	}

	/**
	 * Event details from name and value pairs, leaving out values that are null or blank
	 * (an optional note not given).
	 */
	public static Map<String, Object> details(Object... namesAndValues) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null && !(value instanceof String text && text.isBlank())) {
				details.put((String) namesAndValues[i], value);
			}
		}
		return details;
	}

	/** How a write names an OpenLineage event it keeps, among the facts it touches. */
	public static String lineageEventKey(String sha256) {
		return Facts.LINEAGE_EVENT + sha256;
	}

	/**
	 * How a write names an OpenTelemetry span it keeps ({@code <traceId>:<spanId>}),
	 * among the facts it touches.
	 */
	public static String otlpSpanKey(String key) {
		return Facts.OTLP_SPAN + key;
	}

	/**
	 * Locks the audit head in {@code tx} ahead of {@link #begin}, for a write that must
	 * read what is stored before it knows what it will touch: from the write's next
	 * statement, which carries the lock ahead of its own work, until it commits, no other
	 * recorded write changes the store.
	 */
	public void lock(TransactionContext tx) {
		lockHead(tx);
	}

	/**
	 * Starts recording a write in {@code tx}, before it changes anything: locks the head
	 * (first, so that no other recorded write changes the store until this one commits)
	 * and reads the facts of everything the write will touch, as they are before it.
	 * @param keys the node ids the write will create or change (as sources of new
	 * relationships too), {@code LineageEvent <sha256>} for OpenLineage events and
	 * {@code OtlpSpan <traceId>:<spanId>} for spans it will store
	 */
	public Recording begin(TransactionContext tx, Collection<String> keys) {
		lockHead(tx);
		List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
		return new Recording(distinct, this.facts.digests(tx, distinct));
	}

	/**
	 * As {@link #begin}, for a write that only creates nodes under {@code ids} (and edges
	 * from them): nothing stood under them before, since the store's unique constraint on
	 * node ids fails the write if anything did, so their facts before are not read.
	 */
	public Recording beginCreating(TransactionContext tx, Collection<String> ids) {
		lockHead(tx);
		return new Recording(List.copyOf(new LinkedHashSet<>(ids)), Map.of());
	}

	/**
	 * Locks the head in {@code tx} and remembers that this transaction holds it: from
	 * here until {@code tx} commits no other writer moves it. The lock goes with the
	 * write's next statement ({@link GraphStore#runLater}), which runs it before anything
	 * of its own, so it is still taken before the write changes anything; the head itself
	 * is read with the facts after the change ({@link #factsAfter}), in a round trip the
	 * write makes anyway.
	 */
	private void lockHead(TransactionContext tx) {
		if (knownHeadOf(tx) != null) {
			// Locked in this transaction already, by an earlier write of its group.
			return;
		}
		this.store.runLater(tx, "audit/lock", Map.of());
		this.knownHead.set(new KnownHead(tx, null));
	}

	/**
	 * The facts of {@code keys} after a write in {@code tx}, and the head its event
	 * chains from: remembered if this transaction locked and read it or moved it, else
	 * read in the same statement as the facts.
	 */
	private FactsAfter factsAfter(TransactionContext tx, Collection<String> keys, List<Record> touched) {
		KnownHead known = knownHeadOf(tx);
		if (known != null && known.head() != null) {
			return new FactsAfter(this.facts.digests(tx, keys, touched), known.head());
		}
		Facts.WithHead read = this.facts.digestsWithHead(tx, keys, touched);
		return new FactsAfter(read.digests(), Head.of(read.head()));
	}

	/**
	 * What this instance knows of the head in {@code tx}, if it locked or moved it there:
	 * nothing else can have moved it since (the lock is held until commit); its head is
	 * null while locked and not yet read. Null otherwise, e.g. when another write locked
	 * a head since, in its own transaction.
	 */
	private KnownHead knownHeadOf(TransactionContext tx) {
		KnownHead known = this.knownHead.get();
		return (known != null && known.tx() == tx) ? known : null;
	}

	/**
	 * Records a write that has just been made in {@code tx}, begun with {@link #begin}.
	 * @param actor who made it
	 * @param ids the nodes it touched
	 * @param request what was asked, digested as canonical JSON
	 * @param detail what else identifies the records it produced, or {@code null}
	 */
	public AuditEvent append(TransactionContext tx, Recording recording, AuditOperation operation, String actor,
			List<String> ids, Object request, String detail) {
		return append(tx, recording, operation, actor, ids, request, detail, AuditEvent.Notes.NONE);
	}

	/**
	 * Records a write as
	 * {@link #append(TransactionContext, Recording, AuditOperation, String, List, Object, String)}
	 * does, with the reason and note a person gave with it, which the event keeps
	 * readable (they are in the request's digest too).
	 */
	public AuditEvent append(TransactionContext tx, Recording recording, AuditOperation operation, String actor,
			List<String> ids, Object request, String detail, AuditEvent.Notes notes) {
		return appendDigested(tx, recording, operation, actor, ids, CanonicalJson.digest(request), detail, notes);
	}

	/**
	 * The digest of a request as an event holds it (canonical JSON, SHA-256): for a
	 * writer that digests its request on its own thread before its write joins a group
	 * ({@link Append}).
	 */
	public static String payloadDigest(Object request) {
		return CanonicalJson.digest(request);
	}

	private AuditEvent appendDigested(TransactionContext tx, Recording recording, AuditOperation operation,
			String actor, List<String> ids, String payloadDigest, String detail, AuditEvent.Notes notes) {
		if (!recording.keys().containsAll(ids)) {
			throw new IllegalStateException("The write touched ids it did not declare when it began: " + ids);
		}
		List<Record> touched = new ArrayList<>();
		FactsAfter read = factsAfter(tx, recording.keys(), touched);
		Map<String, String> after = read.digests();
		Head head = read.head();
		StateDigest state = head.stateDigest();
		AuditEvent.Records records = moved(recording, after, state);
		AuditEvent event = appendEvent(tx, head, operation, actor, ids, payloadDigest, detail, records, state, notes);
		this.knownHead.set(new KnownHead(tx, new Head(event.sequence(), event.hash(), state.bytes())));
		this.store.afterCommit(() -> appended(event));
		for (AppendListener listener : this.listeners) {
			listener.appended(event, touched);
		}
		return event;
	}

	/**
	 * Records several writes made in {@code tx}, each begun with {@link #begin} or
	 * {@link #beginCreating}, as {@link #append} would one after the other, but reading
	 * what they touched and storing their events in one statement each: for writes that
	 * share their statements (group commit). One event per write, in the order given,
	 * each chained from the one before it. Writes whose keys overlap are appended one at
	 * a time instead, since each event's facts after are its own write's.
	 * @param attribute called with each write's position before what it announces after
	 * the commit is registered
	 */
	public List<AuditEvent> appendAll(TransactionContext tx, List<Append> appends,
			java.util.function.IntConsumer attribute) {
		Set<String> keys = new LinkedHashSet<>();
		int declared = 0;
		for (Append append : appends) {
			if (!append.recording().keys().containsAll(append.ids())) {
				throw new IllegalStateException(
						"The write touched ids it did not declare when it began: " + append.ids());
			}
			keys.addAll(append.recording().keys());
			declared += append.recording().keys().size();
		}
		if (declared != keys.size() || appends.size() == 1) {
			List<AuditEvent> events = new ArrayList<>();
			for (int i = 0; i < appends.size(); i++) {
				attribute.accept(i);
				Append append = appends.get(i);
				events.add(appendDigested(tx, append.recording(), append.operation(), append.actor(), append.ids(),
						append.payloadDigest(), append.detail(), AuditEvent.Notes.NONE));
			}
			return events;
		}
		List<Record> touched = new ArrayList<>();
		FactsAfter read = factsAfter(tx, keys, touched);
		Map<String, String> after = read.digests();
		Head head = read.head();
		StateDigest state = head.stateDigest();
		List<Prepared> prepared = new ArrayList<>(appends.size());
		for (int i = 0; i < appends.size(); i++) {
			Append append = appends.get(i);
			AuditEvent.Records records = moved(append.recording(), after, state);
			// Only the head is signed, and it is left at the last of these events.
			Prepared next = prepareEvent(head, append.operation(), append.actor(), append.ids(), append.payloadDigest(),
					append.detail(), records, state, AuditEvent.Notes.NONE, i == appends.size() - 1);
			prepared.add(next);
			head = new Head(next.event().sequence(), next.event().hash(), state.bytes());
		}
		this.store.run(tx, "audit/append_events",
				Map.of("events",
						prepared.stream()
							.map(p -> Map.<String, Object>of("properties", p.properties(), "ids", p.event().ids()))
							.toList(),
						"head", prepared.get(prepared.size() - 1).head()))
			.consume();
		this.knownHead.set(new KnownHead(tx, head));
		List<AuditEvent> events = new ArrayList<>(prepared.size());
		for (int i = 0; i < prepared.size(); i++) {
			AuditEvent event = prepared.get(i).event();
			Set<String> own = new java.util.HashSet<>(appends.get(i).recording().keys());
			List<Record> ownRows = touched.stream().filter(row -> own.contains(row.get("key").asString())).toList();
			attribute.accept(i);
			this.store.afterCommit(() -> appended(event));
			for (AppendListener listener : this.listeners) {
				listener.appended(event, ownRows);
			}
			events.add(event);
		}
		return events;
	}

	/**
	 * Moves {@code state} from what a write's keys held before to what they hold
	 * {@code after}; the records of its event.
	 */
	private static AuditEvent.Records moved(Recording recording, Map<String, String> after, StateDigest state) {
		List<String> before = new ArrayList<>();
		List<String> afterList = new ArrayList<>();
		for (String key : recording.keys()) {
			String was = recording.before().get(key);
			String is = after.get(key);
			if (was != null) {
				state.remove(was);
			}
			if (is != null) {
				state.add(is);
			}
			before.add((was != null) ? was : "");
			afterList.add((is != null) ? is : "");
		}
		return new AuditEvent.Records(recording.keys(), before, afterList);
	}

	/**
	 * One write to record with {@link #appendAll}; see {@link #append}.
	 *
	 * @param payloadDigest its request's {@link #payloadDigest}
	 */
	public record Append(Recording recording, AuditOperation operation, String actor, List<String> ids,
			String payloadDigest, String detail) {
	}

	/**
	 * Starts the whole-store proof on a store whose log began before it (ADR 11): one
	 * event that records the state digest of the store as found. Does nothing on a store
	 * that has it already, so instances starting together append one.
	 */
	void baselineIfNeeded() {
		Record head = this.store.read(tx -> this.store.run(tx, "audit/head", Map.of()).single());
		if (head.get("sequence").asLong() == 0 || !head.get("state").isNull()) {
			return;
		}
		log.info("Recording the state digest of the store as found, where the audit log's whole-store proof starts");
		AuditEvent baseline = this.store.once(tx -> {
			Record locked = this.store.run(tx, "audit/lock_head", Map.of()).single();
			if (!locked.get("state").isNull()) {
				return (AuditEvent) null;
			}
			Record current = this.store.run(tx, "audit/head", Map.of()).single();
			return appendBaseline(tx, Head.of(current), this.facts.stateDigest(tx));
		});
		if (baseline != null) {
			appended(baseline);
		}
	}

	/**
	 * Takes over a log just restored into {@code tx}: the head gets the state digest of
	 * the restored store and this service's signature, so that verification (which the
	 * restore runs before it commits) compares the two. A log from before the whole-store
	 * proof gets its baseline.
	 */
	public void adoptImported(SimpleQueryRunner tx) {
		Record head = this.store.run(tx, "audit/head", Map.of()).single();
		long sequence = head.get("sequence").asLong();
		if (sequence == 0) {
			return;
		}
		StateDigest state = this.facts.stateDigest(tx);
		List<Record> rows = this.store.run(tx, "audit/events", Map.of("from", sequence, "to", sequence)).list();
		AuditEvent last = (rows.size() == 1) ? StoredEvents.read(rows.get(0).get("e")).orElse(null) : null;
		if (last == null) {
			// Verification reports the malformed or missing event.
			return;
		}
		if (last.stateDigest() == null) {
			appendBaseline(tx, Head.of(head), state);
			return;
		}
		Checkpoint signed = this.checkpoints.sign(sequence, last.hash(), last.stateDigest(), last.at());
		this.store
			.run(tx, "audit/adopt_head", Map.of("state", state.bytes(), "stateDigest", last.stateDigest(), "at",
					last.at(), "signature", signed.signature()))
			.consume();
	}

	/**
	 * Where the whole-store proof starts on a log whose events before {@code head}
	 * predate it.
	 */
	private AuditEvent appendBaseline(SimpleQueryRunner tx, Head head, StateDigest state) {
		return appendEvent(tx, head, AuditOperation.BASELINE, "provenant", List.of(), CanonicalJson.digest(Map.of()),
				"the log's first " + head.sequence() + " events predate the whole-store proof",
				new AuditEvent.Records(List.of(), List.of(), List.of()), state, AuditEvent.Notes.NONE);
	}

	private void appended(AuditEvent event) {
		this.headSequence.accumulateAndGet(event.sequence(), Math::max);
		this.meters.counter("provenant.audit.events", "operation", event.operation().name()).increment();
		log.info("Audit #{} {} by {} ({} ids); head hash {}", event.sequence(), event.operation(), event.actor(),
				event.ids().size(), event.hash());
	}

	private AuditEvent appendEvent(SimpleQueryRunner tx, Head head, AuditOperation operation, String actor,
			List<String> ids, String payloadDigest, String detail, AuditEvent.Records records, StateDigest state,
			AuditEvent.Notes notes) {
		Prepared prepared = prepareEvent(head, operation, actor, ids, payloadDigest, detail, records, state, notes,
				true);
		this.store.run(tx, "audit/append_event", prepared.parameters()).consume();
		return prepared.event();
	}

	/**
	 * The event that chains from {@code head} and the parameters that store it
	 * ({@code audit/append_event}); with the head after it signed when {@code signed}
	 * (the head is left at it), else with no signature (an event of a group before its
	 * last: the signature is the head's, never stored on an event).
	 */
	private Prepared prepareEvent(Head head, AuditOperation operation, String actor, List<String> ids,
			String payloadDigest, String detail, AuditEvent.Records records, StateDigest state, AuditEvent.Notes notes,
			boolean signed) {
		long sequence = head.sequence() + 1;
		OffsetDateTime at = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		String stateDigest = state.hash();
		AuditEvent unsigned = new AuditEvent(sequence, at, actor, operation, List.copyOf(ids), payloadDigest,
				records.digest(), detail, null, records, stateDigest, notes);
		String hash = AuditEvent.chain(head.hash(), unsigned.canonicalForm());
		AuditEvent event = new AuditEvent(sequence, at, actor, operation, unsigned.ids(), payloadDigest,
				unsigned.recordsDigest(), detail, hash, records, stateDigest, notes);
		String signature = signed ? this.checkpoints.sign(sequence, hash, stateDigest, at).signature() : null;
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("sequence", sequence);
		parameters.put("at", at);
		parameters.put("actor", actor);
		parameters.put("operation", operation.name());
		parameters.put("ids", event.ids());
		parameters.put("payloadDigest", payloadDigest);
		parameters.put("recordsDigest", event.recordsDigest());
		parameters.put("detail", detail);
		parameters.put("hash", hash);
		parameters.put("v", AuditEvent.FORMAT);
		parameters.put("stateDigest", stateDigest);
		parameters.put("recordKeys", records.keys());
		parameters.put("recordsBefore", records.before());
		parameters.put("recordsAfter", records.after());
		parameters.put("state", state.bytes());
		parameters.put("signature", signature);
		parameters.put("reason", notes.reason());
		parameters.put("note", notes.note());
		return new Prepared(event, parameters);
	}

	/** An event ready to store, and the parameters of {@code audit/append_event}. */
	private record Prepared(AuditEvent event, Map<String, Object> parameters) {

		/** The event's own properties, as {@code audit/append_events} sets them. */
		Map<String, Object> properties() {
			Map<String, Object> properties = new HashMap<>(this.parameters);
			properties.keySet().removeAll(List.of("state", "signature"));
			properties.values().removeIf(java.util.Objects::isNull);
			return properties;
		}

		/** The head after this event, as {@code audit/append_events} sets it. */
		Map<String, Object> head() {
			Map<String, Object> head = new HashMap<>();
			for (String name : List.of("sequence", "hash", "state", "stateDigest", "at", "signature")) {
				head.put(name, this.parameters.get(name));
			}
			return head;
		}

	}

	/**
	 * The audit head as a write found it.
	 *
	 * @param state the state digest's bytes; null on a log whose baseline is not recorded
	 */
	private record Head(long sequence, String hash, byte[] state) {

		static Head of(org.neo4j.driver.types.MapAccessor row) {
			return new Head(row.get("sequence").asLong(), row.get("hash").asString(),
					row.get("state").isNull() ? null : row.get("state").asByteArray());
		}

		StateDigest stateDigest() {
			if (this.state != null) {
				return StateDigest.of(this.state);
			}
			if (this.sequence == 0) {
				return StateDigest.empty();
			}
			throw new IllegalStateException("The audit head has no state digest: the baseline was not recorded");
		}

	}

	/**
	 * The head as the write transaction {@code tx} last locked or moved it; null while
	 * locked and not yet read.
	 */
	private record KnownHead(TransactionContext tx, Head head) {
	}

	/** Fact digests by key after a write, and the head its event chains from. */
	private record FactsAfter(Map<String, String> digests, Head head) {
	}

	/**
	 * What a write declared when it began: the keys of the facts it touches and their
	 * digests before it.
	 */
	public record Recording(List<String> keys, Map<String, String> before) {
	}

}
