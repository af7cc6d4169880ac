package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.graph.ProvenanceNode;

/** A node that is or was quarantined, and every quarantine and release of it. */
public record Quarantine(ProvenanceNode node, boolean active, List<Event> history) {

	public record Event(Action action, OffsetDateTime at, String by, String reason) {

	}

	public enum Action {

		QUARANTINE, RELEASE

	}

}
