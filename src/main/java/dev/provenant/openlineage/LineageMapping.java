package dev.provenant.openlineage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import io.openlineage.server.OpenLineage;

/**
 * What a set of OpenLineage events means in the provenance graph, named as Marquez names
 * lineage nodes:
 * <ul>
 * <li>a dataset is a DATA_SOURCE {@code dataset:<namespace>:<name>} (its namespace, the
 * data source's address, as {@code uri});</li>
 * <li>a job is a JOB {@code job:<namespace>:<name>}, a run a RUN {@code run:<runId>} that
 * is RUN_OF its job and PART_OF its parent run (parent facet);</li>
 * <li>a run CONSUMED its inputs; each output was GENERATED_BY the run and is DERIVED_FROM
 * each input, so lineage runs from source tables through pipelines into features and on
 * to decisions, with or without the runs in between. A job event's outputs are
 * DERIVED_FROM its inputs likewise.</li>
 * </ul>
 */
final class LineageMapping {

	private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();

	private final Map<String, NodeKind> kinds = new LinkedHashMap<>();

	private final Set<Edge> edges = new LinkedHashSet<>();

	private final Map<String, List<RunEvent>> runEvents = new LinkedHashMap<>();

	private final List<DecisionInput> decisions = new ArrayList<>();

	record Edge(String from, String to, EdgeType type) {

		Map<String, Object> asParameter() {
			return Map.of("from", this.from, "to", this.to, "type", this.type.name());
		}

	}

	/**
	 * One event's news about a run; {@code eventType} is null when the event gave none.
	 */
	record RunEvent(OffsetDateTime eventTime, String eventType, String facets) {
	}

	static LineageMapping of(List<LineageEvent> events) {
		LineageMapping mapping = new LineageMapping();
		events.forEach(mapping::add);
		return mapping;
	}

	private void add(LineageEvent event) {
		switch (event.type()) {
			case RunEvent -> run((OpenLineage.RunEvent) event.event(), event);
			case JobEvent -> {
				OpenLineage.JobEvent job = (OpenLineage.JobEvent) event.event();
				job(job.getJob().getNamespace(), job.getJob().getName());
				derive(inputs(job.getInputs()), outputs(job.getOutputs()));
			}
			case DatasetEvent -> {
				OpenLineage.StaticDataset dataset = ((OpenLineage.DatasetEvent) event.event()).getDataset();
				dataset(dataset.getNamespace(), dataset.getName());
			}
		}
	}

	private void run(OpenLineage.RunEvent event, LineageEvent received) {
		String job = job(event.getJob().getNamespace(), event.getJob().getName());
		String run = runNode(event.getRun().getRunId().toString(), event.getJob().getName());
		this.edges.add(new Edge(run, job, EdgeType.RUN_OF));
		ParentRun parent = ParentRun.of(event);
		if (parent != null) {
			String parentJob = job(parent.jobNamespace(), parent.jobName());
			String parentRun = runNode(parent.runId(), parent.jobName());
			this.edges.add(new Edge(parentRun, parentJob, EdgeType.RUN_OF));
			if (!parentRun.equals(run)) {
				this.edges.add(new Edge(run, parentRun, EdgeType.PART_OF));
			}
		}
		List<String> inputs = inputs(event.getInputs());
		List<String> outputs = outputs(event.getOutputs());
		inputs.forEach(input -> this.edges.add(new Edge(run, input, EdgeType.CONSUMED)));
		outputs.forEach(output -> this.edges.add(new Edge(output, run, EdgeType.GENERATED_BY)));
		derive(inputs, outputs);
		this.decisions.addAll(DecisionFacet.reading(received.decisions(), inputs));
		this.runEvents.computeIfAbsent(run, id -> new ArrayList<>())
			.add(new RunEvent(received.eventTime(), (event.getEventType() != null) ? event.getEventType().name() : null,
					received.runFacets()));
	}

	private void derive(List<String> inputs, List<String> outputs) {
		for (String output : outputs) {
			for (String input : inputs) {
				// A job that reads and rewrites the same table does not derive it from
				// itself.
				if (!input.equals(output)) {
					this.edges.add(new Edge(output, input, EdgeType.DERIVED_FROM));
				}
			}
		}
	}

	private List<String> inputs(List<OpenLineage.InputDataset> datasets) {
		List<String> ids = new ArrayList<>();
		if (datasets != null) {
			datasets.forEach(dataset -> ids.add(dataset(dataset.getNamespace(), dataset.getName())));
		}
		return ids;
	}

	private List<String> outputs(List<OpenLineage.OutputDataset> datasets) {
		List<String> ids = new ArrayList<>();
		if (datasets != null) {
			datasets.forEach(dataset -> ids.add(dataset(dataset.getNamespace(), dataset.getName())));
		}
		return ids;
	}

	private String dataset(String namespace, String name) {
		return node("dataset:" + namespace + ":" + name, NodeKind.DATA_SOURCE, name, Map.of("uri", namespace));
	}

	private String job(String namespace, String name) {
		return node("job:" + namespace + ":" + name, NodeKind.JOB, name, Map.of("namespace", namespace));
	}

	private String runNode(String runId, String jobName) {
		return node("run:" + runId, NodeKind.RUN, jobName, Map.of("runId", runId));
	}

	private String node(String id, NodeKind kind, String name, Map<String, Object> own) {
		if (!this.nodes.containsKey(id)) {
			Map<String, Object> properties = new LinkedHashMap<>(own);
			properties.put("id", id);
			properties.put("kind", kind.name());
			properties.put("name", name);
			this.nodes.put(id, Map.of("id", id, "label", kind.label(), "properties", properties));
			this.kinds.put(id, kind);
		}
		return id;
	}

	/** Each node to merge: id, label and the properties it is created with. */
	List<Map<String, Object>> nodes() {
		return List.copyOf(this.nodes.values());
	}

	/** The kind each id maps to, to check against what is stored. */
	Map<String, NodeKind> kinds() {
		return this.kinds;
	}

	List<Edge> edges() {
		return List.copyOf(this.edges);
	}

	/**
	 * The decisions runs reported (provenant_decision facet), each reading its run's
	 * inputs.
	 */
	List<DecisionInput> decisions() {
		return List.copyOf(this.decisions);
	}

	/** Each run's news, in the order received (the service orders it by event time). */
	Map<String, List<RunEvent>> runEvents() {
		return this.runEvents;
	}

	/**
	 * The nodes the write may change: every node named (new, or owning a new edge, or a
	 * run whose state moves).
	 */
	List<String> touched() {
		return List.copyOf(this.nodes.keySet());
	}

}
