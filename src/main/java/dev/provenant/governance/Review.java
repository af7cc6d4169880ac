package dev.provenant.governance;

import java.time.OffsetDateTime;

import dev.provenant.graph.Approver;

/** A verdict on a decision, as recorded on its approver edge. */
public record Review(Approver approver, Verdict verdict, OffsetDateTime at, String rationale) {

	public enum Verdict {

		APPROVE, REJECT

	}

}
