package dev.provenant.impact;

import dev.provenant.graph.NodeKind;

public record KindCount(NodeKind kind, int count) {
}
