package dev.provenant.governance;

import java.util.List;

import dev.provenant.graph.Decision;
import dev.provenant.graph.Reason;

/**
 * A decision that went out alone although, when it was recorded, its policy required
 * review.
 */
public record PolicyViolation(Decision decision, List<Reason> reasons) {
}
