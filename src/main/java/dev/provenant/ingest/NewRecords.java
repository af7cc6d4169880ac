package dev.provenant.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import dev.provenant.graph.EdgeType;

/**
 * The parameters of {@code ingest/create_records} for records to create: each node's
 * labels and properties, and an edge for each reference. Shared with the benchmark's
 * write floor, which creates the same nodes and edges with nothing around them.
 */
public final class NewRecords {

	private NewRecords() {
	}

	/**
	 * @param digests each record's content digest, in the order of {@code records}
	 * @param actor who attests approvals sent with decisions
	 * @param renamed what each id is stored as (the identity, but for the benchmark's
	 * floor, which keeps its records apart)
	 */
	public static Map<String, Object> parameters(List<? extends RecordInput> records, List<String> digests,
			String actor, OffsetDateTime recordedAt, UnaryOperator<String> renamed) {
		List<Map<String, Object>> nodes = new ArrayList<>(records.size());
		List<Map<String, Object>> edges = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			RecordInput record = records.get(i);
			String id = renamed.apply(record.id());
			Map<String, Object> properties = new HashMap<>();
			properties.put("id", id);
			properties.put("kind", record.kind().name());
			properties.put("name", record.name());
			properties.put("attributes", ContentDigest.attributesJson(record.attributes()));
			properties.put("recordedAt", recordedAt);
			properties.put("contentSha256", digests.get(i));
			properties.putAll(record.ownFields());
			properties.values().removeIf(Objects::isNull);
			nodes.add(Map.of("label", record.kind().label(), "properties", properties));
			// An approval sent with the decision is the writer's statement, not the
			// approver's review: the edge names who attested it.
			record.references()
				.forEach(r -> edges.add(Map.of("from", id, "to", renamed.apply(r.target()), "type", r.type().name(),
						"properties", (r.type() == EdgeType.APPROVED_BY) ? Map.of("attestedBy", actor) : Map.of())));
		}
		return Map.of("nodes", nodes, "edges", edges, "recordedAt", recordedAt);
	}

	/** Every record of {@code batch}, in schema order. */
	public static List<RecordInput> of(ProvenanceBatch batch) {
		return batch.records().stream().map(ProvenanceBatch.Positioned::record).toList();
	}

}
