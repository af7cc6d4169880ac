package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.graph.Decision;
import dev.provenant.graph.Reason;

/** A decision waiting for a human, with why it waits and by when it is due. */
public record ReviewItem(Decision decision, List<Reason> reasons, OffsetDateTime deadline, boolean overdue,
		List<String> requiredRoles) {
}
