package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record ModelVersion(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		boolean quarantined, String model, String version) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.MODEL_VERSION;
	}

}
