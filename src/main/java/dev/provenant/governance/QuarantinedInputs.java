package dev.provenant.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
		Map<String, List<String>> found = new HashMap<>();
		if (proposals.stream().allMatch(p -> p.inputs().isEmpty())) {
			return found;
		}
		Map<String, List<String>> tainted = new HashMap<>();
		this.store.run(tx, "governance/quarantined_upstream", Map.of())
			.forEachRemaining(
					row -> tainted.put(row.get("id").asString(), row.get("quarantined").asList(Value::asString)));
		if (tainted.isEmpty()) {
			return found;
		}
		for (Proposal proposal : proposals) {
			Set<String> quarantined = new TreeSet<>();
			proposal.inputs().forEach(input -> quarantined.addAll(tainted.getOrDefault(input, List.of())));
			if (!quarantined.isEmpty()) {
				found.put(proposal.id(), List.copyOf(quarantined));
			}
		}
		return found;
	}

}
