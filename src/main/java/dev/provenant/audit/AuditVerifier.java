package dev.provenant.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import dev.provenant.api.InvalidArgument;
import dev.provenant.api.StateConflict;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Proves the log and the store against each other (ADR 11): recomputes the chain from the
 * stored events (an edited, removed, swapped or malformed event breaks it), checks the
 * head and its signature, and, for the whole log, recomputes the state digest of every
 * provenance fact in the store and compares it with the last event's. When the store
 * disagrees, names what is out of step.
 * <p>
 * It reads under the head's lock, so that no write commits halfway through what it
 * compares: writers wait while it runs, and one whole-store verification runs at a time.
 */
@Service
public class AuditVerifier {

	private static final int CHUNK = 500;

	private final GraphStore store;

	private final Facts facts;

	private final Checkpoints checkpoints;

	private final Semaphore wholeStore = new Semaphore(1);

	AuditVerifier(GraphStore store, Facts facts, Checkpoints checkpoints) {
		this.store = store;
		this.facts = facts;
		this.checkpoints = checkpoints;
	}

	/** The current head, signed. */
	public Checkpoint checkpoint() {
		return this.store.read(tx -> {
			Record head = this.store.run(tx, "audit/head", Map.of()).single();
			if (head.get("signature").isNull()) {
				return this.checkpoints.sign(0, AuditEvent.GENESIS, StateDigest.empty().hash(),
						java.time.OffsetDateTime.parse("1970-01-01T00:00:00Z"));
			}
			return this.checkpoints.read(head.get("signature").asString())
				.orElseThrow(() -> new StateConflict("AuditHead",
						"The audit head's signature does not verify with this " + "service's key: run verifyAuditLog"));
		});
	}

	/**
	 * Verifies the chain within the bounds, or the whole log and the store when there are
	 * none; with a checkpoint, the log since it and the records touched since.
	 */
	public AuditVerification verify(Integer fromSequence, Integer toSequence, String checkpoint) {
		if (checkpoint != null) {
			if (fromSequence != null || toSequence != null) {
				throw new InvalidArgument("checkpoint", "A checkpoint verifies from itself to the head: give it "
						+ "without fromSequence and toSequence");
			}
			Checkpoint since = this.checkpoints.read(checkpoint)
				.orElseThrow(() -> new InvalidArgument("checkpoint",
						"Not a checkpoint signed by this service's key (see /.well-known/jwks.json)"));
			return underLock(tx -> new Run(tx).sinceCheckpoint(since));
		}
		if (fromSequence == null && toSequence == null) {
			if (!this.wholeStore.tryAcquire()) {
				throw new StateConflict(null,
						"A whole-store verification is already running on this instance; wait for "
								+ "it, or verify since a checkpoint");
			}
			try {
				return underLock(tx -> new Run(tx).wholeLog());
			}
			finally {
				this.wholeStore.release();
			}
		}
		return this.store.read(tx -> new Run(tx).range(fromSequence, toSequence));
	}

	/**
	 * Verifies a log and store just restored in {@code tx}, before it commits (the
	 * restore holds the store to itself).
	 */
	public AuditVerification verifyWithin(SimpleQueryRunner tx) {
		return new Run(tx).wholeLog();
	}

	private AuditVerification underLock(java.util.function.Function<SimpleQueryRunner, AuditVerification> work) {
		return this.store.once(tx -> {
			this.store.run(tx, "audit/lock_head", Map.of()).consume();
			return work.apply(tx);
		});
	}

	/** One verification, in one transaction. */
	private final class Run {

		private final SimpleQueryRunner tx;

		private final Record head;

		private final long headSequence;

		private int checked;

		private AuditEvent last;

		Run(SimpleQueryRunner tx) {
			this.tx = tx;
			this.head = AuditVerifier.this.store.run(tx, "audit/head", Map.of()).single();
			this.headSequence = this.head.get("sequence")
				.hasType(org.neo4j.driver.types.TypeSystem.getDefault().INTEGER()) ? this.head.get("sequence").asLong()
						: -1;
		}

		AuditVerification range(Integer fromSequence, Integer toSequence) {
			long from = (fromSequence == null) ? 1 : fromSequence;
			long to = (toSequence == null) ? this.headSequence : toSequence;
			if (from < 1 || to < from - 1 || to > this.headSequence) {
				throw new InvalidArgument("fromSequence", "The range must lie within 1.." + this.headSequence
						+ " with fromSequence <= toSequence; got " + from + ".." + to);
			}
			String previous = (from == 1) ? AuditEvent.GENESIS : hashOf(from - 1);
			if (previous == null) {
				return broken(from - 1, "", "event #" + (from - 1) + " is missing or malformed", null, false);
			}
			AuditVerification chain = chain(from, to, previous);
			return (chain != null) ? chain : AuditVerification.intact(this.checked, hashOrEmpty(), false);
		}

		AuditVerification wholeLog() {
			if (this.headSequence < 0) {
				return broken(1, "", "the audit head's sequence is not a number", "AuditHead", true);
			}
			AuditVerification chain = chain(1, this.headSequence, AuditEvent.GENESIS);
			if (chain != null) {
				return chain;
			}
			AuditVerification head = head();
			if (head != null) {
				return head;
			}
			String foreign = AuditVerifier.this.facts.foreign(this.tx);
			if (foreign != null) {
				return broken(this.headSequence,
						"the store holds a " + foreign + " that is neither provenance nor listed outside the proof",
						foreign);
			}
			if (this.last == null || this.last.stateDigest() == null) {
				return AuditVerification.intact(this.checked, hashOrEmpty(), false);
			}
			StateDigest state = AuditVerifier.this.facts.stateDigest(this.tx);
			if (state.hash().equals(this.last.stateDigest())) {
				return AuditVerification.intact(this.checked, hashOrEmpty(), true);
			}
			return new Diagnosis(this).run();
		}

		AuditVerification sinceCheckpoint(Checkpoint since) {
			if (since.sequence() > this.headSequence) {
				return broken(this.headSequence + 1, "the log ends at #" + this.headSequence
						+ " before the checkpoint's #" + since.sequence() + ": it was cut or an older history restored",
						null);
			}
			AuditEvent at = (since.sequence() == 0) ? null : eventAt(since.sequence());
			String previous = (since.sequence() == 0) ? AuditEvent.GENESIS : (at != null) ? at.hash() : null;
			if (!since.hash().equals(previous)) {
				return broken(Math.max(1, since.sequence()), "the log no longer holds the checkpoint's hash at #"
						+ since.sequence() + ": it was rewritten or an older history restored", null);
			}
			this.last = at;
			AuditVerification chain = chain(since.sequence() + 1, this.headSequence, previous);
			if (chain != null) {
				return chain;
			}
			AuditVerification head = head();
			if (head != null) {
				return head;
			}
			return new Diagnosis(this).touchedSince(since.sequence());
		}

		/** Checks events from..to; null when intact, remembering the last. */
		private AuditVerification chain(long from, long to, String previous) {
			long expected = from;
			for (long start = from; start <= to; start += CHUNK) {
				long end = Math.min(to, start + CHUNK - 1);
				List<Record> rows = AuditVerifier.this.store
					.run(this.tx, "audit/events", Map.of("from", start, "to", end))
					.list();
				for (Record row : rows) {
					Optional<AuditEvent> read = StoredEvents.read(row.get("e"));
					if (read.isEmpty()) {
						long at = StoredEvents.sequence(row.get("e")).orElse(expected);
						return broken(Math.min(at, expected), previous, "event #" + Math.min(at, expected)
								+ " has a field changed to another type, removed, or added", null, false);
					}
					AuditEvent event = read.get();
					if (event.sequence() != expected) {
						return broken(expected, previous, "event #" + expected + " is missing", null, false);
					}
					if (!AuditEvent.chain(previous, event.canonicalForm()).equals(event.hash())) {
						return broken(expected, previous, "event #" + expected + " does not hash to its chain: it "
								+ "was edited, or one before it was", null, false);
					}
					if (event.records() != null && !event.records().digest().equals(event.recordsDigest())) {
						return broken(expected, previous,
								"event #" + expected + "'s records do not match its records digest", null, false);
					}
					List<String> audited = row.get("audited").asList(Value::asString);
					if (!new HashSet<>(audited).equals(new HashSet<>(event.ids()))
							|| audited.size() != event.ids().size()) {
						String missing = event.ids()
							.stream()
							.filter(id -> !audited.contains(id))
							.findFirst()
							.orElse(audited.stream().filter(id -> !event.ids().contains(id)).findFirst().orElse(null));
						return broken(
								expected, previous, "the nodes linked to event #" + expected
										+ " are not the ones it names: " + missing + " was deleted, or a link changed",
								missing, false);
					}
					previous = event.hash();
					this.last = event;
					expected++;
					this.checked++;
				}
				if (expected <= end) {
					return broken(expected, previous, "event #" + expected + " is missing", null, false);
				}
			}
			return null;
		}

		/** The head must be the last event, signed by this service's key. */
		private AuditVerification head() {
			String lastHash = (this.last != null) ? this.last.hash() : AuditEvent.GENESIS;
			if (!lastHash.equals(text(this.head.get("hash")))) {
				return broken(this.headSequence, "the audit head does not point at the last event", "AuditHead");
			}
			if (this.last == null || this.last.stateDigest() == null) {
				return null;
			}
			Value signature = this.head.get("signature");
			Optional<Checkpoint> signed = signature.hasType(org.neo4j.driver.types.TypeSystem.getDefault().STRING())
					? AuditVerifier.this.checkpoints.read(signature.asString()) : Optional.empty();
			if (signed.isEmpty() || signed.get().sequence() != this.last.sequence()
					|| !signed.get().hash().equals(this.last.hash())
					|| !signed.get().stateDigest().equals(this.last.stateDigest())) {
				return broken(this.headSequence, "the audit head's signature does not verify with this service's key "
						+ "for the last event: the log was rewritten by someone without the key", "AuditHead");
			}
			return null;
		}

		private String hashOf(long sequence) {
			AuditEvent event = eventAt(sequence);
			return (event != null) ? event.hash() : null;
		}

		/** The event at a sequence, or null when it is missing, doubled or malformed. */
		private AuditEvent eventAt(long sequence) {
			var rows = AuditVerifier.this.store.run(this.tx, "audit/events", Map.of("from", sequence, "to", sequence))
				.list();
			if (rows.size() != 1) {
				return null;
			}
			return StoredEvents.read(rows.get(0).get("e")).orElse(null);
		}

		private String hashOrEmpty() {
			return (this.last != null) ? this.last.hash() : AuditEvent.GENESIS;
		}

		AuditVerification broken(long sequence, String problem, String outOfStep) {
			return AuditVerification.broken(this.checked, sequence, hashOrEmpty(), problem, outOfStep, true);
		}

		private AuditVerification broken(long sequence, String headHash, String problem, String outOfStep,
				boolean storeChecked) {
			return AuditVerification.broken(this.checked, sequence, headHash, problem, outOfStep, storeChecked);
		}

		private static String text(Value value) {
			return value.hasType(org.neo4j.driver.types.TypeSystem.getDefault().STRING()) ? value.asString() : "";
		}

	}

	/** Finds what is out of step once the store's state digest disagrees with the log. */
	private final class Diagnosis {

		private static final int PAGE = 1000;

		private final Run run;

		Diagnosis(Run run) {
			this.run = run;
		}

		AuditVerification run() {
			AuditVerification node = nodeOutOfStep(Long.MIN_VALUE);
			if (node != null) {
				return node;
			}
			AuditVerification carried = carriedForward();
			if (carried != null) {
				return carried;
			}
			return this.run.broken(this.run.headSequence,
					"the store's facts differ from the log's state digest, and every node matches its last event: an "
							+ "OpenLineage event as received was changed, added or removed",
					null);
		}

		/**
		 * Since a checkpoint: the nodes touched after it against their last event,
		 * without reading the rest of the store.
		 */
		AuditVerification touchedSince(long sequence) {
			AuditVerification node = nodeOutOfStep(sequence);
			return (node != null) ? node : AuditVerification.intact(this.run.checked, this.run.hashOrEmpty(), false);
		}

		/**
		 * A node whose facts differ from the last event that touched it (only nodes last
		 * touched after {@code since}), or that no event wrote.
		 */
		private AuditVerification nodeOutOfStep(long since) {
			String after = "";
			boolean all = since == Long.MIN_VALUE;
			while (true) {
				List<Record> page = AuditVerifier.this.store
					.run(this.run.tx, "audit/node_facts_page", Map.of("after", after, "limit", PAGE))
					.list();
				for (Record row : page) {
					String id = row.get("key").asString();
					Value lastSequence = row.get("lastSequence");
					if (lastSequence.isNull()) {
						if (all) {
							return this.run.broken(this.run.headSequence,
									"node " + id + " was not written through Provenant: no event recorded it", id);
						}
						continue;
					}
					long sequence = lastSequence.asLong();
					if (sequence <= since || row.get("lastKeys").isNull()) {
						continue;
					}
					List<String> keys = row.get("lastKeys").asList(Value::asString);
					List<String> afters = row.get("lastAfter").asList(Value::asString);
					int index = keys.indexOf(id);
					String expected = (index >= 0 && index < afters.size()) ? afters.get(index) : null;
					if (!Facts.digest(row).equals(expected)) {
						return this.run.broken(sequence, "node " + id + " was changed after event #" + sequence
								+ ", the last write that touched it: its labels, properties or relationships differ "
								+ "from what that write left", id);
					}
				}
				if (page.size() < PAGE) {
					return null;
				}
				after = page.get(page.size() - 1).get("key").asString();
			}
		}

		/**
		 * The first event that found a node other than the write before it left it: a
		 * change beneath the API that a later write carried forward.
		 */
		private AuditVerification carriedForward() {
			for (long start = 1; start <= this.run.headSequence; start += CHUNK) {
				List<Map<String, Object>> items = new ArrayList<>();
				Map<String, String> beforeOf = new HashMap<>();
				for (Record row : AuditVerifier.this.store
					.run(this.run.tx, "audit/events",
							Map.of("from", start, "to", Math.min(this.run.headSequence, start + CHUNK - 1)))
					.list()) {
					AuditEvent event = StoredEvents.read(row.get("e")).orElseThrow();
					if (event.records() == null) {
						continue;
					}
					for (String id : event.ids()) {
						items.add(Map.of("sequence", event.sequence(), "key", id));
						beforeOf.put(event.sequence() + " " + id, event.records().before(id));
					}
				}
				for (Record row : AuditVerifier.this.store
					.run(this.run.tx, "audit/previous_records", Map.of("items", items))
					.list()) {
					long sequence = row.get("sequence").asLong();
					String id = row.get("key").asString();
					String before = beforeOf.get(sequence + " " + id);
					String previousAfter = "";
					if (!row.get("previous").isNull() && !row.get("keys").isNull()) {
						List<String> keys = row.get("keys").asList(Value::asString);
						int index = keys.indexOf(id);
						previousAfter = (index >= 0) ? row.get("after").asList(Value::asString).get(index) : null;
						if (previousAfter == null) {
							continue;
						}
					}
					else if (!row.get("previous").isNull()) {
						// Last written in the log's first format: nothing to compare.
						continue;
					}
					if (before != null && !before.equals(previousAfter)) {
						return this.run.broken(sequence, "node " + id + " was changed beneath the API before event #"
								+ sequence + ", which found it otherwise than the write before it left it", id);
					}
				}
			}
			return null;
		}

	}

}
