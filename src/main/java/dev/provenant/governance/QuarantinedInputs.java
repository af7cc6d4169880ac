package dev.provenant.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.store.GraphStore;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Finds, for many decisions in one query, the quarantined nodes among their inputs or
 * anywhere upstream.
 */
@Component
class QuarantinedInputs {

	private final GraphStore store;

	QuarantinedInputs(GraphStore store) {
		this.store = store;
	}

	/** Keyed by proposal id; proposals without a quarantined input are absent. */
	Map<String, List<String>> find(TransactionContext tx, List<Proposal> proposals) {
		List<Map<String, Object>> decisions = proposals.stream()
			.filter(p -> !p.inputs().isEmpty())
			.map(p -> Map.<String, Object>of("id", p.id(), "inputs", p.inputs()))
			.toList();
		Map<String, List<String>> found = new HashMap<>();
		if (decisions.isEmpty()) {
			return found;
		}
		this.store.run(tx, "governance/quarantined_upstream", Map.of("decisions", decisions)).forEachRemaining(row -> {
			List<String> ids = row.get("quarantined").asList(Value::asString);
			if (!ids.isEmpty()) {
				found.put(row.get("id").asString(), ids.stream().sorted().toList());
			}
		});
		return found;
	}

}
