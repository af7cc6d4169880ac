package dev.provenant.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Something a reviewer, an operator or a dashboard must hear of.
 *
 * @param id stable for the fact it announces ({@code escalation:<decision id>}, ...), so
 * a receiver can drop a repeat
 * @param type what happened
 * @param at when it happened, server time
 * @param subjectId the decision or the quarantined node it is about
 * @param detail the facts a receiver needs without asking again (JSON-ready values)
 * @param sequence its place in the event log, once committed (a subscriber's cursor);
 * null before
 */
public record GovernanceEvent(String id, Type type, OffsetDateTime at, String subjectId, Map<String, Object> detail,
		Long sequence) {

	public GovernanceEvent {
		detail = Map.copyOf(detail);
	}

	/** An event not yet in the log. */
	public GovernanceEvent(String id, Type type, OffsetDateTime at, String subjectId, Map<String, Object> detail) {
		this(id, type, at, subjectId, detail, null);
	}

	/** The cursor to resume a subscription after this event. */
	public String cursor() {
		return (this.sequence != null) ? Long.toString(this.sequence) : null;
	}

	/**
	 * The event announcing {@code fact} (a decision id; a node id and its history entry):
	 * its id is the type's name in lower case with dashes, a colon, and the fact, e.g.
	 * {@code review-overdue:dec:1002}.
	 */
	public static GovernanceEvent of(Type type, String fact, OffsetDateTime at, String subjectId,
			Map<String, Object> detail) {
		return new GovernanceEvent(type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + fact, type,
				at, subjectId, detail);
	}

	public enum Type {

		/** A decision entered the review queue. */
		ESCALATION,
		/** A pending review passed its deadline. */
		REVIEW_OVERDUE,
		/** A pending decision was approved or rejected. */
		REVIEWED,
		/** A decision went out AUTONOMOUS although its assessment required review. */
		POLICY_VIOLATION,
		/** An input was marked suspect. */
		QUARANTINED,
		/** A quarantine was lifted. */
		RELEASED,
		/** The audit log's signed checkpoint, published on a schedule. */
		AUDIT_CHECKPOINT

	}

}
