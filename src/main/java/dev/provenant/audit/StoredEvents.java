package dev.provenant.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * Reads audit events as stored, trusting nothing: an event whose fields were changed to
 * another type, or removed, is malformed (and so broken), never an error. A stored field
 * that is not part of the format also makes it malformed.
 */
final class StoredEvents {

	private static final TypeSystem TYPES = TypeSystem.getDefault();

	private static final java.util.Set<String> FIELDS = java.util.Set.of("sequence", "at", "actor", "operation", "ids",
			"payloadDigest", "recordsDigest", "detail", "hash", "v", "stateDigest", "recordKeys", "recordsBefore",
			"recordsAfter", "reason", "note");

	private StoredEvents() {
	}

	/** The event, or empty when any field is missing, of the wrong type or unknown. */
	static Optional<AuditEvent> read(Value e) {
		try {
			for (String key : e.asNode().keys()) {
				if (!FIELDS.contains(key)) {
					return Optional.empty();
				}
			}
			long sequence = integer(e.get("sequence"));
			OffsetDateTime at = e.get("at").hasType(TYPES.DATE_TIME()) ? e.get("at").asOffsetDateTime() : null;
			AuditOperation operation = AuditOperation.valueOf(text(e.get("operation")));
			String detail = e.get("detail").isNull() ? null : text(e.get("detail"));
			if (at == null) {
				return Optional.empty();
			}
			Value format = e.get("v");
			boolean noted = !e.get("reason").isNull() || !e.get("note").isNull();
			if (format.isNull()) {
				if (!e.get("stateDigest").isNull() || !e.get("recordKeys").isNull() || noted) {
					return Optional.empty();
				}
				return Optional.of(new AuditEvent(sequence, at, text(e.get("actor")), operation, texts(e.get("ids")),
						text(e.get("payloadDigest")), text(e.get("recordsDigest")), detail, text(e.get("hash"))));
			}
			long v = integer(format);
			if (v != AuditEvent.FORMAT && (v != AuditEvent.FORMAT_WITHOUT_NOTES || noted)) {
				return Optional.empty();
			}
			AuditEvent.Notes notes = (v == AuditEvent.FORMAT)
					? new AuditEvent.Notes(optionalText(e.get("reason")), optionalText(e.get("note"))) : null;
			AuditEvent.Records records = new AuditEvent.Records(texts(e.get("recordKeys")),
					texts(e.get("recordsBefore")), texts(e.get("recordsAfter")));
			return Optional.of(new AuditEvent(sequence, at, text(e.get("actor")), operation, texts(e.get("ids")),
					text(e.get("payloadDigest")), text(e.get("recordsDigest")), detail, text(e.get("hash")), records,
					text(e.get("stateDigest")), notes));
		}
		catch (RuntimeException ex) {
			// Any value of any type may be found here: each is malformed, not a fault.
			return Optional.empty();
		}
	}

	/** The sequence an event claims, if it is a number at all. */
	static Optional<Long> sequence(Value e) {
		Value sequence = e.get("sequence");
		return sequence.hasType(TYPES.INTEGER()) ? Optional.of(sequence.asLong()) : Optional.empty();
	}

	private static long integer(Value value) {
		if (!value.hasType(TYPES.INTEGER())) {
			throw new IllegalArgumentException("not an integer");
		}
		return value.asLong();
	}

	private static String text(Value value) {
		if (!value.hasType(TYPES.STRING())) {
			throw new IllegalArgumentException("not a string");
		}
		return value.asString();
	}

	private static String optionalText(Value value) {
		return value.isNull() ? null : text(value);
	}

	private static List<String> texts(Value value) {
		if (!value.hasType(TYPES.LIST())) {
			throw new IllegalArgumentException("not a list");
		}
		List<String> texts = new ArrayList<>();
		for (Value item : value.values()) {
			texts.add(text(item));
		}
		return texts;
	}

}
