package dev.provenant.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One write, as the audit log keeps it.
 *
 * @param payloadDigest SHA-256 of the request's canonical JSON
 * @param recordsDigest SHA-256 of {@code records} (format 2); in format 1, of what the
 * write left in the graph as ADR 5 digested it
 * @param detail what else identifies the records (the history entry of a quarantine), or
 * {@code null}
 * @param hash SHA-256 of the previous event's hash followed by this event's canonical
 * form
 * @param records the facts the write touched, with their digests before and after it
 * (format 2; {@code null} in format 1)
 * @param stateDigest SHA-256 of the whole store's state digest after the write (format 2;
 * {@code null} in format 1)
 * @param notes the reason and note given with the write, readable beside the digest of
 * the request that carried them (format 3; {@code null} before)
 */
public record AuditEvent(long sequence, OffsetDateTime at, String actor, AuditOperation operation, List<String> ids,
		String payloadDigest, String recordsDigest, String detail, String hash, Records records, String stateDigest,
		Notes notes) {

	/** The genesis: what the first event chains from. */
	static final String GENESIS = "0".repeat(64);

	/**
	 * The format events are appended in now: 3 is ADR 11's format 2 with the write's
	 * reason and note; format 1 is ADR 5's.
	 */
	static final int FORMAT = 3;

	/** ADR 11's format, without notes. */
	static final int FORMAT_WITHOUT_NOTES = 2;

	/** Format 1, as ADR 5 appended them. */
	AuditEvent(long sequence, OffsetDateTime at, String actor, AuditOperation operation, List<String> ids,
			String payloadDigest, String recordsDigest, String detail, String hash) {
		this(sequence, at, actor, operation, ids, payloadDigest, recordsDigest, detail, hash, null, null, null);
	}

	int format() {
		if (this.records == null) {
			return 1;
		}
		return (this.notes != null) ? FORMAT : FORMAT_WITHOUT_NOTES;
	}

	/** The reason (or rationale) given with the write, if any. */
	public String reason() {
		return (this.notes != null) ? this.notes.reason() : null;
	}

	/** The optional note given with the write (a ticket, on whose behalf), if any. */
	public String note() {
		return (this.notes != null) ? this.notes.note() : null;
	}

	/** Everything but the hash, in a fixed form; what the hash covers. */
	String canonicalForm() {
		Map<String, Object> form = new TreeMap<>();
		form.put("sequence", this.sequence);
		form.put("at", this.at.toInstant().toString());
		form.put("actor", this.actor);
		form.put("operation", this.operation.name());
		form.put("ids", this.ids);
		form.put("payloadDigest", this.payloadDigest);
		form.put("recordsDigest", this.recordsDigest);
		form.put("detail", this.detail);
		if (format() >= 2) {
			form.put("v", format());
			form.put("stateDigest", this.stateDigest);
		}
		if (format() >= 3) {
			form.put("reason", this.notes.reason());
			form.put("note", this.notes.note());
		}
		return CanonicalJson.write(form);
	}

	static String chain(String previousHash, String canonicalForm) {
		return CanonicalJson.sha256(previousHash + canonicalForm);
	}

	/**
	 * What a person said with a write, kept as written: the reason (a quarantine's, a
	 * rollback's, a review's rationale) and an optional note.
	 */
	public record Notes(String reason, String note) {

		/** A write that carries neither. */
		public static final Notes NONE = new Notes(null, null);

		public Notes {
			reason = (reason == null || reason.isBlank()) ? null : reason;
			note = (note == null || note.isBlank()) ? null : note;
		}

	}

	/**
	 * The facts a write touched: node ids (or {@code LineageEvent <sha256>}) with the
	 * fact digest each had before and after it, empty where there was none.
	 */
	public record Records(List<String> keys, List<String> before, List<String> after) {

		public Records {
			keys = List.copyOf(keys);
			before = List.copyOf(before);
			after = List.copyOf(after);
			if (before.size() != keys.size() || after.size() != keys.size()) {
				throw new IllegalArgumentException("One before and one after digest per key");
			}
		}

		/** What an event's {@code recordsDigest} is in format 2. */
		String digest() {
			Map<String, Object> form = new TreeMap<>();
			form.put("keys", this.keys);
			form.put("before", this.before);
			form.put("after", this.after);
			return CanonicalJson.sha256(CanonicalJson.write(form));
		}

		/** The digest {@code key} had after the write, or empty if none. */
		String after(String key) {
			int index = this.keys.indexOf(key);
			return (index < 0) ? null : this.after.get(index);
		}

		/** The digest {@code key} had before the write, or empty if none. */
		String before(String key) {
			int index = this.keys.indexOf(key);
			return (index < 0) ? null : this.before.get(index);
		}

	}

}
