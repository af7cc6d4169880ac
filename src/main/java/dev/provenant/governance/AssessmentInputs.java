package dev.provenant.governance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.provenant.graph.ProvenanceNode;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Reads what assessing decisions needs from the store in one statement: the nodes they
 * name (policies, approvers) and, for many decisions at once, the quarantined nodes among
 * their inputs or anywhere upstream.
 */
@Component
class AssessmentInputs {

	private final GraphStore store;

	AssessmentInputs(GraphStore store) {
		this.store = store;
	}

	/**
	 * The nodes under {@code ids} (unknown ids absent) and, keyed by proposal id, the
	 * quarantined nodes among each proposal's inputs or upstream of them (proposals
	 * without one absent).
	 */
	Found find(TransactionContext tx, Collection<String> ids, List<Proposal> proposals) {
		Map<String, ProvenanceNode> nodes = new HashMap<>();
		Map<String, List<String>> tainted = new HashMap<>();
		boolean anyInputs = proposals.stream().anyMatch(p -> !p.inputs().isEmpty());
		if (ids.isEmpty() && !anyInputs) {
			return new Found(nodes, Map.of());
		}
		this.store.run(tx, "governance/assessment_inputs", Map.of("ids", List.copyOf(ids), "quarantine", anyInputs))
			.forEachRemaining(row -> {
				if (!row.get("node").isNull()) {
					ProvenanceNode node = NodeMapping.toNode(row.get("node"));
					nodes.put(node.id(), node);
				}
				else {
					tainted.put(row.get("id").asString(), row.get("quarantined").asList(Value::asString));
				}
			});
		Map<String, List<String>> found = new HashMap<>();
		if (!tainted.isEmpty()) {
			for (Proposal proposal : proposals) {
				Set<String> quarantined = new TreeSet<>();
				proposal.inputs().forEach(input -> quarantined.addAll(tainted.getOrDefault(input, List.of())));
				if (!quarantined.isEmpty()) {
					found.put(proposal.id(), List.copyOf(quarantined));
				}
			}
		}
		return new Found(nodes, found);
	}

	/**
	 * What {@link #find} read: nodes by id, and quarantined inputs by proposal id.
	 */
	record Found(Map<String, ProvenanceNode> nodes, Map<String, List<String>> quarantined) {

		List<String> quarantinedFor(Proposal proposal) {
			return this.quarantined.getOrDefault(proposal.id(), List.of());
		}

	}

}
