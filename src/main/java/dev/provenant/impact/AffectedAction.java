package dev.provenant.impact;

import java.time.Instant;
import java.util.List;

import dev.provenant.graph.ActionStatus;

/** An action in a blast radius, with what rollback ordering needs to know about it. */
public record AffectedAction(String id, Instant occurredAt, ActionStatus status, boolean reversible,
		List<String> triggeredBy) implements Dated {
}
