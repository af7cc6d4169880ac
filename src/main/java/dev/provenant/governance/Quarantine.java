package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.provenant.graph.ProvenanceNode;

/** A node that is or was quarantined, and every quarantine and release of it. */
public record Quarantine(ProvenanceNode node, boolean active, List<Event> history) {

	/**
	 * One quarantine or release: the principal who did it, the reason, and the optional
	 * note given with it. Entries written before the principal was called actor name it
	 * {@code by}.
	 */
	public record Event(Action action, OffsetDateTime at, @JsonAlias("by") String actor, String reason,
			@JsonInclude(JsonInclude.Include.NON_NULL) String note) {

	}

	public enum Action {

		QUARANTINE, RELEASE

	}

}
