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
 */
public record GovernanceEvent(String id, Type type, OffsetDateTime at, String subjectId, Map<String, Object> detail) {

	public GovernanceEvent {
		detail = Map.copyOf(detail);
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
		RELEASED

	}

}
