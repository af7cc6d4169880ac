package dev.provenant.impact;

import java.time.Instant;

/**
 * A decision in a blast radius, with its review state (PENDING, ...) when review applies.
 */
public record AffectedDecision(String id, Instant occurredAt, String reviewState) implements Dated {
}
