package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.graph.Reason;
import dev.provenant.graph.Route;

/**
 * Whether a decision may go out alone, and if not, why, who may review it and by when.
 */
public record Assessment(Route route, List<Reason> reasons, List<String> requiredRoles, OffsetDateTime reviewDeadline) {
}
