package dev.provenant.impact;

import java.time.OffsetDateTime;

/**
 * A decision in a blast radius, with its review state (PENDING, ...) when review applies.
 */
public record AffectedDecision(String id, OffsetDateTime occurredAt, String reviewState) implements Dated {
}
