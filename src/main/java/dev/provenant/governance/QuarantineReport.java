package dev.provenant.governance;

import dev.provenant.graph.ProvenanceNode;

/** What a suspect node touches, so incident response sees the damage at once. */
public record QuarantineReport(ProvenanceNode node, int decisionCount, int actionCount, int pendingReviews) {
}
