package dev.provenant.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Appends audit events. Every write calls {@link #append} last in its own transaction, so
 * the event commits with the write or not at all. The head is locked there, which
 * serialises appends: sequence numbers have no gaps and every event chains from the one
 * before, however many writers run at once.
 */
@Component
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final GraphStore store;

	private final RecordsDigest records;

	private final Clock clock;

	private final AtomicLong headSequence = new AtomicLong();

	private final MeterRegistry meters;

	private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();

	AuditLog(GraphStore store, RecordsDigest records, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.store = store;
		this.records = records;
		this.clock = clock;
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

	/**
	 * Records a write that has just been made in {@code tx}.
	 * @param actor who made it
	 * @param ids the nodes it touched
	 * @param request what was asked, digested as canonical JSON
	 * @param detail what else identifies the records it produced, or {@code null}
	 */
	public AuditEvent append(TransactionContext tx, AuditOperation operation, String actor, List<String> ids,
			Object request, String detail) {
		List<Record> touched = this.listeners.isEmpty() ? null : new ArrayList<>();
		String recordsDigest = this.records.digest(operation, ids, detail, this.records.states(tx, ids, touched));
		Record head = this.store.run(tx, "audit/lock_head", Map.of()).single();
		long sequence = head.get("sequence").asLong() + 1;
		OffsetDateTime at = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		AuditEvent unsigned = new AuditEvent(sequence, at, actor, operation, List.copyOf(ids),
				CanonicalJson.digest(request), recordsDigest, detail, null);
		String hash = AuditEvent.chain(head.get("hash").asString(), unsigned.canonicalForm());
		AuditEvent event = new AuditEvent(sequence, at, actor, operation, unsigned.ids(), unsigned.payloadDigest(),
				recordsDigest, detail, hash);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("sequence", sequence);
		parameters.put("at", at);
		parameters.put("actor", actor);
		parameters.put("operation", operation.name());
		parameters.put("ids", event.ids());
		parameters.put("payloadDigest", event.payloadDigest());
		parameters.put("recordsDigest", recordsDigest);
		parameters.put("detail", detail);
		parameters.put("hash", hash);
		this.store.run(tx, "audit/append_event", parameters).consume();
		for (AppendListener listener : this.listeners) {
			listener.appended(event, touched);
		}
		this.store.afterCommit(() -> {
			this.headSequence.accumulateAndGet(sequence, Math::max);
			this.meters.counter("provenant.audit.events", "operation", operation.name()).increment();
			log.info("Audit #{} {} by {} ({} ids); head hash {}", sequence, operation, actor, ids.size(), hash);
		});
		return event;
	}

}
