package dev.provenant.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One write, as the audit log keeps it.
 *
 * @param payloadDigest SHA-256 of the request's canonical JSON
 * @param recordsDigest SHA-256 of what the write left in the graph (see
 * {@link RecordsDigest})
 * @param detail what else identifies the records (the history entry of a quarantine), or
 * {@code null}
 * @param hash SHA-256 of the previous event's hash followed by this event's canonical
 * form
 */
public record AuditEvent(long sequence, OffsetDateTime at, String actor, AuditOperation operation, List<String> ids,
		String payloadDigest, String recordsDigest, String detail, String hash) {

	/** The genesis: what the first event chains from. */
	static final String GENESIS = "0".repeat(64);

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
		return CanonicalJson.write(form);
	}

	static String chain(String previousHash, String canonicalForm) {
		return CanonicalJson.sha256(previousHash + canonicalForm);
	}

}
