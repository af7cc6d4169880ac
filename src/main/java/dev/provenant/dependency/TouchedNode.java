package dev.provenant.dependency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;
import dev.provenant.memory.Footprint;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * A node a write touched, as the dependency index keeps it: its kind, the facts closures
 * filter on, and every edge it has to another node.
 *
 * @param edges each edge's target, with the target's kind when the row carried it
 */
record TouchedNode(String id, NodeKind kind, Instant occurredAt, ReviewState reviewState, boolean rolledBack,
		boolean reversible, List<Edge> edges) {

	/**
	 * An edge to {@code to}; {@code kind} is null when the index must know it already.
	 */
	record Edge(EdgeType type, String to, NodeKind kind) {
	}

	/**
	 * Estimated heap bytes: the record, its id, time and edges with their targets' ids.
	 */
	long bytes() {
		long bytes = Footprint.object(5 * Footprint.REFERENCE + 2) + Footprint.string(this.id) + Footprint.INSTANT
				+ Footprint.ARRAY_LIST + Footprint.references(this.edges.size());
		for (Edge edge : this.edges) {
			bytes += Footprint.object(3 * Footprint.REFERENCE) + Footprint.string(edge.to());
		}
		return bytes;
	}

	/**
	 * A row of {@code dependency/nodes_with_edges}, or of {@code dependency/all_nodes}
	 * (which has no edges: the build reads them apart).
	 */
	static TouchedNode fromIndexRow(Record row) {
		List<Edge> edges = new ArrayList<>();
		for (Value edge : row.containsKey("edges") ? row.get("edges").values() : List.<Value>of()) {
			edges.add(new Edge(EdgeType.valueOf(edge.get("type").asString()), edge.get("to").asString(),
					NodeKind.valueOf(edge.get("kind").asString())));
		}
		return new TouchedNode(row.get("id").asString(), NodeKind.valueOf(row.get("kind").asString()),
				instant(row.get("occurredAt")), reviewState(row.get("reviewState")), row.get("rolledBack").asBoolean(),
				row.get("reversible").asBoolean(), edges);
	}

	/**
	 * A row of {@code audit/node_facts}: the properties, and every outgoing edge
	 * ({@code out}) by type and target id.
	 */
	static TouchedNode fromAuditRow(Record row) {
		Value properties = row.get("properties");
		List<Edge> edges = new ArrayList<>();
		for (Value edge : row.get("out").values()) {
			// Only provenance edges between records; anything else is not the index's
			// (and, found in the store, the audit log's verification reports it).
			EdgeType type = EdgeType.named(edge.get("type").asString());
			if (type != null && !edge.get("to").isNull()) {
				edges.add(new Edge(type, edge.get("to").asString(), null));
			}
		}
		Value reversible = properties.get("reversible");
		return new TouchedNode(row.get("id").asString(), NodeKind.valueOf(properties.get("kind").asString()),
				instant(properties.get("occurredAt")), reviewState(properties.get("reviewState")),
				!properties.get("rolledBackAt").isNull(), reversible.isNull() || reversible.asBoolean(), edges);
	}

	private static Instant instant(Value value) {
		return value.isNull() ? null : value.asOffsetDateTime().toInstant();
	}

	private static ReviewState reviewState(Value value) {
		return value.isNull() ? null : ReviewState.valueOf(value.asString());
	}

}
