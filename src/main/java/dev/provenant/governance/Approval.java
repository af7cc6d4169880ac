package dev.provenant.governance;

import java.time.OffsetDateTime;

import dev.provenant.graph.Approver;

/**
 * An approval of a decision, and how it was given: by the approver through {@code review}
 * with their own credential, or stated at ingest by the principal that recorded the
 * decision.
 *
 * @param attestedBy the principal that sent the approval with the decision (ATTESTED), or
 * {@code null}
 */
public record Approval(Approver approver, Kind kind, String attestedBy, OffsetDateTime at) {

	public enum Kind {

		/** Given through {@code review} by the approver's own credential. */
		VERIFIED,
		/**
		 * Sent with the decision at ingest ({@code approvedBy}); the approver did not
		 * confirm it.
		 */
		ATTESTED

	}

}
