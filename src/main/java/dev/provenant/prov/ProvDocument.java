package dev.provenant.prov;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.provenant.graph.Action;
import dev.provenant.graph.Approver;
import dev.provenant.graph.DataSource;
import dev.provenant.graph.Decision;
import dev.provenant.graph.Job;
import dev.provenant.graph.ModelVersion;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Policy;
import dev.provenant.graph.PromptVersion;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Run;
import dev.provenant.lineage.Lineage;

/**
 * A lineage as a W3C PROV-JSON document (the 2013 member submission):
 * <ul>
 * <li>entities: data sources, features, model and prompt versions, policies (plans) and
 * jobs (plans);</li>
 * <li>activities: decisions and actions (started and ended when they occurred) and
 * pipeline runs;</li>
 * <li>agents: approvers (persons) and the principals that recorded decisions and runs
 * (software agents, as the audit log names them);</li>
 * <li>relations: {@code used} (a decision's features, data sources, model and prompt
 * versions; a run's inputs), {@code wasDerivedFrom} (features and datasets from their
 * inputs, models from their training data, a policy from the version it supersedes),
 * {@code wasGeneratedBy} (a dataset by its run), {@code wasAssociatedWith} (a decision
 * with the agent that recorded it under its policy as plan, and with its approvers; a run
 * with its recorder under its job as plan), {@code wasInformedBy} (an action by its
 * decision and triggering actions, a run by its parent) and {@code actedOnBehalfOf} (the
 * recording agent on behalf of the approvers of a reviewed decision).</li>
 * </ul>
 * Ids are qualified names {@code pv:<id>}; relations get blank-node ids in a fixed order,
 * and every map is sorted, so the same lineage always gives the same bytes.
 */
final class ProvDocument {

	static final String NODE_NAMESPACE = "urn:provenant:";

	static final String VOCABULARY = "https://provenant.dev/ns#";

	private final Map<String, Map<String, Object>> sections = new TreeMap<>();

	private final Map<String, Integer> counters = new HashMap<>();

	/** Each decision's policy and each run's job: the plan of its association. */
	private final Map<String, String> plans = new HashMap<>();

	private ProvDocument() {
	}

	/**
	 * @param recorders the principal that recorded each decision and run, by id (those
	 * without one get no agent)
	 */
	static Map<String, Object> of(Lineage lineage, Map<String, String> recorders) {
		ProvDocument document = new ProvDocument();
		lineage.nodes().forEach(node -> document.element(node, recorders.get(node.id())));
		for (Lineage.Edge edge : lineage.edges()) {
			document.relation(edge, recorders);
		}
		document.associations(lineage.nodes(), recorders);
		Map<String, Object> json = new TreeMap<>(document.sections);
		json.put("prefix", Map.of("pv", NODE_NAMESPACE, "provenant", VOCABULARY));
		return json;
	}

	private void element(ProvenanceNode node, String recorder) {
		Map<String, Object> attributes = new TreeMap<>();
		attributes.put("prov:type", qualified("provenant:" + node.kind().label()));
		if (node.name() != null) {
			attributes.put("prov:label", node.name());
		}
		attributes.put("provenant:recordedAt", typed(time(node.recordedAt()), "xsd:dateTime"));
		if (node.quarantined()) {
			attributes.put("provenant:quarantined", typed("true", "xsd:boolean"));
		}
		if (node instanceof DataSource source) {
			put(attributes, "provenant:uri", source.uri());
		}
		else if (node instanceof ModelVersion model) {
			put(attributes, "provenant:model", model.model());
			put(attributes, "provenant:version", model.version());
		}
		else if (node instanceof PromptVersion prompt) {
			put(attributes, "provenant:prompt", prompt.prompt());
			put(attributes, "provenant:version", prompt.version());
			put(attributes, "provenant:templateSha256", prompt.templateSha256());
		}
		else if (node instanceof Policy) {
			attributes.put("prov:type", List.of(qualified("provenant:Policy"), qualified("prov:Plan")));
		}
		else if (node instanceof Job job) {
			attributes.put("prov:type", List.of(qualified("provenant:Job"), qualified("prov:Plan")));
			put(attributes, "provenant:namespace", job.namespace());
		}
		else if (node instanceof Decision decision) {
			attributes.put("prov:startTime", time(decision.occurredAt()));
			attributes.put("prov:endTime", time(decision.occurredAt()));
			put(attributes, "provenant:outcome", decision.outcome());
			put(attributes, "provenant:subject", decision.subject());
			put(attributes, "provenant:route", (decision.route() != null) ? decision.route().name() : null);
			put(attributes, "provenant:reviewState",
					(decision.reviewState() != null) ? decision.reviewState().name() : null);
			if (decision.confidence() != null) {
				attributes.put("provenant:confidence", typed(decision.confidence().toString(), "xsd:double"));
			}
		}
		else if (node instanceof Action action) {
			attributes.put("prov:startTime", time(action.occurredAt()));
			attributes.put("prov:endTime", time(action.occurredAt()));
			put(attributes, "provenant:type", action.type());
			put(attributes, "provenant:target", action.target());
			put(attributes, "provenant:status", (action.status() != null) ? action.status().name() : null);
		}
		else if (node instanceof Run run) {
			if (run.startedAt() != null) {
				attributes.put("prov:startTime", time(run.startedAt()));
			}
			if (run.endedAt() != null) {
				attributes.put("prov:endTime", time(run.endedAt()));
			}
			put(attributes, "provenant:state", run.state());
			put(attributes, "provenant:runId", run.runId());
		}
		else if (node instanceof Approver approver) {
			attributes.put("prov:type", List.of(qualified("provenant:Approver"), qualified("prov:Person")));
			put(attributes, "provenant:role", approver.role());
		}
		section(sectionOf(node.kind())).put(qname(node.id()), attributes);
		if (recorder != null) {
			Map<String, Object> agent = new TreeMap<>();
			agent.put("prov:type", qualified("prov:SoftwareAgent"));
			agent.put("prov:label", recorder);
			section("agent").put(principal(recorder), agent);
		}
	}

	private void relation(Lineage.Edge edge, Map<String, String> recorders) {
		String from = qname(edge.from());
		String to = qname(edge.to());
		switch (edge.type()) {
			case DERIVED_FROM, TRAINED_ON, USES_FEATURE -> add("wasDerivedFrom", "prov:generatedEntity", from,
					"prov:usedEntity", to, "prov:type", qualified("provenant:" + edge.type().name()));
			case SUPERSEDES -> add("wasDerivedFrom", "prov:generatedEntity", from, "prov:usedEntity", to, "prov:type",
					qualified("prov:Revision"));
			case USED, READ, MADE_BY, PROMPTED_BY, CONSUMED ->
				add("used", "prov:activity", from, "prov:entity", to, "prov:role", edge.type().name());
			case GENERATED_BY -> add("wasGeneratedBy", "prov:entity", from, "prov:activity", to);
			case GOVERNED_BY -> this.plans.put(edge.from(), to);
			case APPROVED_BY -> {
				// How the approval was given: through review by the approver (VERIFIED),
				// or
				// stated with the decision by the principal that recorded it (ATTESTED).
				add("wasAssociatedWith", "prov:activity", from, "prov:agent", to, "prov:role", "approver",
						"provenant:approval", edge.approval(), "provenant:attestedBy", edge.attestedBy());
				String recorder = recorders.get(edge.from());
				if (recorder != null) {
					add("actedOnBehalfOf", "prov:delegate", principal(recorder), "prov:responsible", to,
							"prov:activity", from);
				}
			}
			case RUN_OF -> this.plans.put(edge.from(), to);
			case EXECUTES, TRIGGERED_BY, PART_OF -> add("wasInformedBy", "prov:informed", from, "prov:informant", to);
		}
	}

	/**
	 * Each decision (run) with the agent that recorded it, under its policy (job) as
	 * plan: one association, whichever of the two the lineage holds.
	 */
	private void associations(List<ProvenanceNode> nodes, Map<String, String> recorders) {
		for (ProvenanceNode node : nodes) {
			if (node.kind() != NodeKind.DECISION && node.kind() != NodeKind.RUN) {
				continue;
			}
			String recorder = recorders.get(node.id());
			String plan = this.plans.get(node.id());
			if (recorder != null && plan != null) {
				add("wasAssociatedWith", "prov:activity", qname(node.id()), "prov:agent", principal(recorder),
						"prov:plan", plan, "prov:role", "recorder");
			}
			else if (recorder != null) {
				add("wasAssociatedWith", "prov:activity", qname(node.id()), "prov:agent", principal(recorder),
						"prov:role", "recorder");
			}
			else if (plan != null) {
				add("wasAssociatedWith", "prov:activity", qname(node.id()), "prov:plan", plan);
			}
		}
	}

	private void add(String section, Object... namesAndValues) {
		Map<String, Object> relation = new TreeMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			// An attribute without a value is left out, not written as null.
			if (namesAndValues[i + 1] != null) {
				relation.put((String) namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		int number = this.counters.merge(section, 1, Integer::sum);
		section(section).put("_:" + section + number, relation);
	}

	private Map<String, Object> section(String name) {
		return this.sections.computeIfAbsent(name, key -> new TreeMap<>());
	}

	private static String sectionOf(NodeKind kind) {
		return switch (kind) {
			case DECISION, ACTION, RUN -> "activity";
			case APPROVER -> "agent";
			default -> "entity";
		};
	}

	static String qname(String id) {
		return "pv:" + id;
	}

	private static String principal(String name) {
		return "pv:principal:" + name;
	}

	private static void put(Map<String, Object> attributes, String name, String value) {
		if (value != null) {
			attributes.put(name, value);
		}
	}

	private static Map<String, Object> qualified(String name) {
		return typed(name, "xsd:QName");
	}

	private static Map<String, Object> typed(String value, String type) {
		return Map.of("$", value, "type", type);
	}

	private static String time(OffsetDateTime time) {
		return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
	}

}
