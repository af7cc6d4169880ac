package dev.provenant.impact;

import java.time.OffsetDateTime;

/** A decision in a blast radius. */
public record AffectedDecision(String id, OffsetDateTime occurredAt) implements Dated {
}
