package dev.provenant.node;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Utc;

/**
 * A node looked at as of an instant ({@code asOf} {@code null}: now); the key of the
 * neighbour loaders.
 */
public record NodeAt(String id, OffsetDateTime asOf) {

	/** The refs as Cypher parameters, in order: rows name a ref by its position. */
	public static List<Map<String, Object>> parameters(List<NodeAt> refs) {
		return refs.stream().map(ref -> {
			Map<String, Object> parameter = new HashMap<>();
			parameter.put("id", ref.id());
			parameter.put("asOf", Utc.of(ref.asOf()));
			return parameter;
		}).toList();
	}

}
