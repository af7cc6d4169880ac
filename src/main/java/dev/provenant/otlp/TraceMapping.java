package dev.provenant.otlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Route;
import dev.provenant.ingest.ProvenanceBatch.ActionInput;
import dev.provenant.ingest.ProvenanceBatch.DataSourceInput;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.ingest.ProvenanceBatch.ModelVersionInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the spans of one trace say in the provenance graph (ADR 14). A span with
 * {@code provenant.decision.id} is a decision; the spans beneath it, down to the next
 * decision span, say what it was made by and read and which actions carried it out:
 * <ul>
 * <li>model calls ({@code chat}, {@code text_completion}, {@code generate_content}):
 * MADE_BY {@code model:<provider>:<model>}, the one that ended last when there are
 * several (all are listed in the decision's attributes);</li>
 * <li>{@code provenant.prompt.id} on the decision span or beneath it: PROMPTED_BY;</li>
 * <li>{@code retrieval} spans: READ their {@code gen_ai.data_source.id}; database client
 * spans: READ the table as OpenLineage names it ({@link DatabaseTable});</li>
 * <li>{@code execute_tool} spans with {@code provenant.action.type}: actions that EXECUTE
 * it, TRIGGERED_BY the nearest action span above them; other tool spans stay steps;</li>
 * <li>the {@code invoke_agent} span at or above it: the agent's run, which the decision
 * is PART_OF, a run of the agent's job, and part of the run of an agent that invoked
 * it.</li>
 * </ul>
 * The result is a function of the spans alone, in any order of arrival: a trace mapped
 * again with the same spans gives the same records.
 */
final class TraceMapping {

	static final String DECISION_ID = "provenant.decision.id";

	static final String ACTION_TYPE = "provenant.action.type";

	static final String ACTION_ID = "provenant.action.id";

	static final String TOOL_CALL_ID = "gen_ai.tool.call.id";

	private static final Set<String> MODEL_CALLS = Set.of("chat", "text_completion", "generate_content");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, KeptSpan> byId = new HashMap<>();

	private final Map<String, List<KeptSpan>> children = new HashMap<>();

	private final List<DecisionInput> decisions = new ArrayList<>();

	private final Map<String, ActionInput> actions = new LinkedHashMap<>();

	private final Map<String, ModelVersionInput> models = new TreeMap<>();

	private final Map<String, DataSourceInput> dataSources = new TreeMap<>();

	private final Map<String, Map<String, Object>> runs = new TreeMap<>();

	private final List<Edge> edges = new ArrayList<>();

	record Edge(String from, String to, EdgeType type) {

		Map<String, Object> asParameter() {
			return Map.of("from", this.from, "to", this.to, "type", this.type.name());
		}

	}

	private static final Comparator<KeptSpan> START_ORDER = Comparator.comparingLong(KeptSpan::startNanos)
		.thenComparing(KeptSpan::spanId);

	static TraceMapping of(List<KeptSpan> spans) {
		TraceMapping mapping = tree(spans);
		Comparator<KeptSpan> order = START_ORDER;
		mapping.byId.values()
			.stream()
			.filter(span -> span.text(DECISION_ID) != null)
			.sorted(order)
			.forEach(mapping::decision);
		return mapping;
	}

	private static TraceMapping tree(List<KeptSpan> spans) {
		TraceMapping mapping = new TraceMapping();
		spans.forEach(span -> mapping.byId.putIfAbsent(span.spanId(), span));
		mapping.byId.values()
			.stream()
			.sorted(START_ORDER)
			.forEach(span -> mapping.children.computeIfAbsent(span.parentSpanId(), parent -> new ArrayList<>())
				.add(span));
		return mapping;
	}

	/**
	 * The decision span {@code spanId} and the spans beneath it, down to the next
	 * decision span, in the order they started: what the decision was made of.
	 */
	static List<KeptSpan> steps(List<KeptSpan> spans, String spanId) {
		TraceMapping mapping = tree(spans);
		KeptSpan decision = mapping.byId.get(spanId);
		List<KeptSpan> steps = new ArrayList<>();
		if (decision != null) {
			mapping.collect(decision, steps, true);
		}
		steps.sort(START_ORDER);
		return steps;
	}

	private void decision(KeptSpan span) {
		List<KeptSpan> subtree = new ArrayList<>();
		collect(span, subtree, true);
		List<KeptSpan> calls = subtree.stream()
			.filter(s -> s.operation() != null && MODEL_CALLS.contains(s.operation()) && modelId(s) != null)
			.sorted(Comparator.comparingLong(KeptSpan::endNanos).thenComparing(KeptSpan::spanId))
			.toList();
		String model = null;
		for (KeptSpan call : calls) {
			model = modelId(call);
			String name = call.text("gen_ai.response.model") != null ? call.text("gen_ai.response.model")
					: call.text("gen_ai.request.model");
			this.models.putIfAbsent(model,
					new ModelVersionInput(model, name, name, name, null, null, Map.of("provider", provider(call))));
		}
		String prompt = subtree.stream()
			.filter(s -> s.text("provenant.prompt.id") != null)
			.max(Comparator.comparingLong(KeptSpan::endNanos).thenComparing(KeptSpan::spanId))
			.map(s -> s.text("provenant.prompt.id"))
			.orElse(null);
		TreeSet<String> reads = new TreeSet<>();
		for (KeptSpan step : subtree) {
			String retrieved = "retrieval".equals(step.operation()) ? step.text("gen_ai.data_source.id") : null;
			if (retrieved != null && !retrieved.isBlank()) {
				reads.add(retrieved);
				this.dataSources.putIfAbsent(retrieved, new DataSourceInput(retrieved, retrieved, null, null, null));
			}
			DatabaseTable table = DatabaseTable.of(step);
			if (table != null) {
				reads.add(table.id());
				this.dataSources.putIfAbsent(table.id(),
						new DataSourceInput(table.id(), table.name(), table.namespace(), null, null));
			}
		}
		String id = span.text(DECISION_ID);
		Map<String, Object> attributes = new TreeMap<>();
		attributes.put("traceId", span.traceId());
		attributes.put("spanId", span.spanId());
		if (calls.size() > 1) {
			attributes.put("models", calls.stream().map(TraceMapping::modelId).distinct().sorted().toList());
		}
		String route = span.text("provenant.decision.route");
		this.decisions.add(new DecisionInput(id, span.name(), span.endedAt(), span.text("provenant.decision.subject"),
				span.text("provenant.decision.outcome"), span.number("provenant.decision.confidence"),
				(route == null) ? null : Route.valueOf(route), model, prompt, null,
				reads.isEmpty() ? null : List.copyOf(reads), span.text("provenant.decision.policy"), null, attributes,
				span.number("provenant.decision.data_quality"), span.number("provenant.decision.risk_score")));
		for (KeptSpan step : subtree) {
			if ("execute_tool".equals(step.operation()) && step.text(ACTION_TYPE) != null) {
				action(step, id);
			}
		}
		KeptSpan agent = agentAtOrAbove(span);
		if (agent != null) {
			this.edges.add(new Edge(id, run(agent), EdgeType.PART_OF));
		}
	}

	/** The spans beneath {@code span} (and it), not descending into other decisions. */
	private void collect(KeptSpan span, List<KeptSpan> into, boolean first) {
		if (!first && span.text(DECISION_ID) != null) {
			return;
		}
		into.add(span);
		for (KeptSpan child : this.children.getOrDefault(span.spanId(), List.of())) {
			collect(child, into, false);
		}
	}

	private void action(KeptSpan span, String decision) {
		KeptSpan trigger = null;
		for (KeptSpan above = parent(span); above != null && above.text(DECISION_ID) == null; above = parent(above)) {
			if ("execute_tool".equals(above.operation()) && above.text(ACTION_TYPE) != null) {
				trigger = above;
				break;
			}
		}
		String tool = span.text("gen_ai.tool.name");
		Map<String, Object> attributes = new TreeMap<>();
		attributes.put("traceId", span.traceId());
		attributes.put("spanId", span.spanId());
		if (tool != null) {
			attributes.put("tool", tool);
		}
		String target = (span.text("provenant.action.target") != null) ? span.text("provenant.action.target") : tool;
		String id = actionId(span);
		this.actions.putIfAbsent(id,
				new ActionInput(id, (tool != null) ? tool : span.name(), span.endedAt(), span.text(ACTION_TYPE), target,
						span.flag("provenant.action.reversible"), decision,
						(trigger == null) ? null : List.of(actionId(trigger)), attributes));
	}

	static String actionId(KeptSpan span) {
		return (span.text(ACTION_ID) != null) ? span.text(ACTION_ID) : "action:" + span.text(TOOL_CALL_ID);
	}

	private KeptSpan agentAtOrAbove(KeptSpan span) {
		for (KeptSpan at = span; at != null; at = parent(at)) {
			if ("invoke_agent".equals(at.operation())) {
				return at;
			}
		}
		return null;
	}

	/**
	 * The run of an {@code invoke_agent} span: created with its agent's job, and part of
	 * the run of the agent that invoked it, if any.
	 */
	private String run(KeptSpan agent) {
		String id = "run:otel:" + agent.traceId() + ":" + agent.spanId();
		if (this.runs.containsKey(id)) {
			return id;
		}
		String agentName = agent.text("gen_ai.agent.name");
		String agentId = agent.text("gen_ai.agent.id");
		Map<String, Object> facts = new TreeMap<>();
		put(facts, "gen_ai.agent.id", agentId);
		put(facts, "gen_ai.agent.name", agentName);
		put(facts, "gen_ai.agent.version", agent.text("gen_ai.agent.version"));
		put(facts, "gen_ai.conversation.id", agent.text("gen_ai.conversation.id"));
		put(facts, "service.name", (String) agent.resource().get("service.name"));
		facts.put("traceId", agent.traceId());
		facts.put("spanId", agent.spanId());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", id);
		properties.put("kind", NodeKind.RUN.name());
		properties.put("name", (agentName != null) ? agentName : agent.name());
		properties.put("runId", agent.traceId() + ":" + agent.spanId());
		properties.put("state", "ERROR".equals(agent.status()) ? "FAIL" : "COMPLETE");
		properties.put("startedAt", agent.startedAt());
		properties.put("endedAt", agent.endedAt());
		properties.put("attributes", JSON.writeValueAsString(facts));
		this.runs.put(id, Map.of("id", id, "label", NodeKind.RUN.label(), "properties", properties));
		String agentKey = (agentId != null) ? agentId : agentName;
		if (agentKey != null) {
			String job = "agent:" + agentKey;
			Map<String, Object> jobProperties = new LinkedHashMap<>();
			jobProperties.put("id", job);
			jobProperties.put("kind", NodeKind.JOB.name());
			jobProperties.put("name", (agentName != null) ? agentName : agentKey);
			jobProperties.put("namespace", "gen_ai.agent");
			this.runs.put(job, Map.of("id", job, "label", NodeKind.JOB.label(), "properties", jobProperties));
			this.edges.add(new Edge(id, job, EdgeType.RUN_OF));
		}
		KeptSpan above = agentAtOrAbove(parent(agent));
		if (above != null) {
			this.edges.add(new Edge(id, run(above), EdgeType.PART_OF));
		}
		return id;
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private KeptSpan parent(KeptSpan span) {
		return (span == null || span.parentSpanId() == null) ? null : this.byId.get(span.parentSpanId());
	}

	private static String provider(KeptSpan span) {
		String provider = span.text("gen_ai.provider.name");
		if (provider == null) {
			provider = span.text("gen_ai.system");
		}
		return (provider == null) ? "unknown" : provider;
	}

	static String modelId(KeptSpan span) {
		String model = span.text("gen_ai.response.model");
		if (model == null) {
			model = span.text("gen_ai.request.model");
		}
		return (model == null) ? null : "model:" + provider(span) + ":" + model;
	}

	List<DecisionInput> decisions() {
		return List.copyOf(this.decisions);
	}

	List<ActionInput> actions() {
		return List.copyOf(this.actions.values());
	}

	/** Model versions the decisions were made by, to create when not stored yet. */
	Map<String, ModelVersionInput> models() {
		return this.models;
	}

	/** Data sources the decisions read, to create when not stored yet. */
	Map<String, DataSourceInput> dataSources() {
		return this.dataSources;
	}

	/**
	 * Runs and agents' jobs to merge: id, label and the properties they are created with.
	 */
	List<Map<String, Object>> runs() {
		return List.copyOf(this.runs.values());
	}

	/** The kind each run or job id maps to, to check against what is stored. */
	Map<String, NodeKind> runKinds() {
		Map<String, NodeKind> kinds = new LinkedHashMap<>();
		this.runs.forEach((id, node) -> kinds.put(id,
				NodeKind.valueOf((String) ((Map<?, ?>) node.get("properties")).get("kind"))));
		return kinds;
	}

	List<Edge> edges() {
		return List.copyOf(new java.util.LinkedHashSet<>(this.edges));
	}

}
