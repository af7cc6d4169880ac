package dev.provenant.ingest;

import dev.provenant.graph.EdgeType;

/**
 * One edge a record declares: the input field it came from, the edge type and the id it
 * points to.
 */
record Reference(String field, EdgeType type, String target) {
}
