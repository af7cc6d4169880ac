package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

public record PromptVersion(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes,
		boolean quarantined, String prompt, String version, String templateSha256) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.PROMPT_VERSION;
	}

}
