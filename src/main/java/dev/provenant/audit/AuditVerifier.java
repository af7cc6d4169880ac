package dev.provenant.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.api.InvalidArgument;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Recomputes the chain from the stored events and the records they describe. An edited
 * event or payload digest breaks its hash; a deleted event leaves a gap; swapped events
 * break the hashes (the sequence is hashed); an edited or deleted record changes its
 * records digest; a deleted last event no longer matches the head.
 */
@Service
public class AuditVerifier {

	private static final int CHUNK = 500;

	private final GraphStore store;

	private final RecordsDigest records;

	AuditVerifier(GraphStore store, RecordsDigest records) {
		this.store = store;
		this.records = records;
	}

	public AuditVerification verify(Integer fromSequence, Integer toSequence) {
		return this.store.read(tx -> {
			Record head = this.store.run(tx, "audit/head", Map.of()).single();
			long headSequence = head.get("sequence").asLong();
			long from = (fromSequence == null) ? 1 : fromSequence;
			long to = (toSequence == null) ? headSequence : toSequence;
			if (from < 1 || to < from - 1 || to > headSequence) {
				throw new InvalidArgument("fromSequence", "The range must lie within 1.." + headSequence
						+ " with fromSequence <= toSequence; got " + from + ".." + to);
			}
			String previous = (from == 1) ? AuditEvent.GENESIS : hashOf(tx, from - 1);
			if (previous == null) {
				return new AuditVerification(false, 0, from - 1, "");
			}
			long expected = from;
			int checked = 0;
			for (long start = from; start <= to; start += CHUNK) {
				List<AuditEvent> events = events(tx, start, Math.min(to, start + CHUNK - 1));
				Map<String, Map<String, Object>> states = this.records.states(tx, touched(events));
				for (AuditEvent event : events) {
					boolean intact = event.sequence() == expected
							&& AuditEvent.chain(previous, event.canonicalForm()).equals(event.hash())
							&& this.records.digest(event.operation(), event.ids(), event.detail(), states)
								.equals(event.recordsDigest());
					if (!intact) {
						return new AuditVerification(false, checked, expected, previous);
					}
					previous = event.hash();
					expected++;
					checked++;
				}
				if (expected <= Math.min(to, start + CHUNK - 1)) {
					return new AuditVerification(false, checked, expected, previous);
				}
			}
			if (toSequence == null && !previous.equals(head.get("hash").asString())) {
				return new AuditVerification(false, checked, headSequence, previous);
			}
			return new AuditVerification(true, checked, null, previous);
		});
	}

	private String hashOf(TransactionContext tx, long sequence) {
		var result = this.store.run(tx, "audit/event_before", Map.of("sequence", sequence));
		return result.hasNext() ? result.next().get("hash").asString() : null;
	}

	private List<AuditEvent> events(TransactionContext tx, long from, long to) {
		List<AuditEvent> events = new ArrayList<>();
		this.store.run(tx, "audit/events", Map.of("from", from, "to", to))
			.forEachRemaining(row -> events.add(AuditEvents.toEvent(row.get("e"))));
		return events;
	}

	private static Set<String> touched(List<AuditEvent> events) {
		Set<String> ids = new LinkedHashSet<>();
		events.forEach(event -> ids.addAll(event.ids()));
		return ids;
	}

	/** Maps stored events; shared with the queries that list them. */
	static final class AuditEvents {

		private AuditEvents() {
		}

		static AuditEvent toEvent(Value e) {
			return new AuditEvent(e.get("sequence").asLong(), e.get("at").asOffsetDateTime(), e.get("actor").asString(),
					AuditOperation.valueOf(e.get("operation").asString()), e.get("ids").asList(Value::asString),
					e.get("payloadDigest").asString(), e.get("recordsDigest").asString(),
					e.get("detail").asString(null), e.get("hash").asString());
		}

	}

}
