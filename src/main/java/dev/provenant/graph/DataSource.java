package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record DataSource(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		boolean quarantined, String uri, String owner) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.DATA_SOURCE;
	}

}
