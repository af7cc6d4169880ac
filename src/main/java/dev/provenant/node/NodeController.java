package dev.provenant.node;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.PageRequest;
import dev.provenant.graph.Action;
import dev.provenant.graph.Approver;
import dev.provenant.graph.DataSource;
import dev.provenant.graph.Decision;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.Feature;
import dev.provenant.graph.Job;
import dev.provenant.graph.ModelVersion;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Policy;
import dev.provenant.graph.PromptVersion;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Run;
import dev.provenant.security.ForReaders;
import graphql.execution.DataFetcherResult;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code node} query and every typed edge field of the node types. */
@Controller
class NodeController {

	private static final Comparator<Run> LATEST_START_FIRST = Comparator
		.comparing(Run::startedAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
		.thenComparing(Run::id);

	private final NodeReader reader;

	private final ApiProperties api;

	NodeController(NodeReader reader, ApiProperties api) {
		this.reader = reader;
		this.api = api;
	}

	@ForReaders
	@QueryMapping
	DataFetcherResult<ProvenanceNode> node(@Argument String id, @Argument OffsetDateTime asOf) {
		if (id.isEmpty()) {
			throw new InvalidArgument("id", "id must not be empty");
		}
		return AsOf.result(this.reader.find(id, asOf).orElse(null), asOf);
	}

	@SchemaMapping(typeName = "Feature")
	CompletableFuture<List<ProvenanceNode>> derivedFrom(Feature feature, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, feature, asOf).thenApply(e -> e.of(EdgeType.DERIVED_FROM));
	}

	@SchemaMapping(typeName = "DataSource", field = "derivedFrom")
	CompletableFuture<List<ProvenanceNode>> datasetDerivedFrom(DataSource dataset,
			DataLoader<NodeAt, OutgoingEdges> edges, @LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, dataset, asOf).thenApply(e -> e.of(EdgeType.DERIVED_FROM));
	}

	/** A table rewritten daily gathers a run a day: a page at a time, as Job.runs. */
	@SchemaMapping(typeName = "DataSource")
	CompletableFuture<Connection<Run>> generatedBy(DataSource dataset, @Argument Integer first, @Argument String after,
			DataLoader<NodeAt, OutgoingEdges> edges, @LocalContextValue(required = false) OffsetDateTime asOf) {
		PageRequest page = PageRequest.of(first, after, this.api.maxPageSize());
		return out(edges, dataset, asOf).thenApply(e -> latestFirst(page, e.of(EdgeType.GENERATED_BY)));
	}

	/**
	 * A scheduled job gathers a run per hour or day: its runs come a page at a time,
	 * latest start first (runs not started yet, then by id, last).
	 */
	@SchemaMapping(typeName = "Job")
	CompletableFuture<Connection<Run>> runs(Job job, @Argument Integer first, @Argument String after,
			DataLoader<NodeAt, IncomingEdges> edges, @LocalContextValue(required = false) OffsetDateTime asOf) {
		PageRequest page = PageRequest.of(first, after, this.api.maxPageSize());
		return in(edges, job, asOf).thenApply(e -> latestFirst(page, e.of(EdgeType.RUN_OF)));
	}

	private static Connection<Run> latestFirst(PageRequest page, List<Run> runs) {
		List<Run> sorted = new ArrayList<>(runs);
		sorted.sort(LATEST_START_FIRST);
		return page.slice(sorted, list -> list);
	}

	@SchemaMapping(typeName = "Run")
	CompletableFuture<Job> job(Run run, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, run, asOf).thenApply(e -> e.single(EdgeType.RUN_OF));
	}

	@SchemaMapping(typeName = "Run")
	CompletableFuture<List<DataSource>> inputs(Run run, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, run, asOf).thenApply(e -> e.of(EdgeType.CONSUMED));
	}

	@SchemaMapping(typeName = "Run")
	CompletableFuture<List<DataSource>> outputs(Run run, DataLoader<NodeAt, IncomingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return in(edges, run, asOf).thenApply(e -> e.of(EdgeType.GENERATED_BY));
	}

	@SchemaMapping(typeName = "Run")
	CompletableFuture<Run> parent(Run run, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, run, asOf).thenApply(e -> e.single(EdgeType.PART_OF));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<Run> run(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.single(EdgeType.PART_OF));
	}

	@SchemaMapping(typeName = "Run")
	CompletableFuture<List<Run>> children(Run run, DataLoader<NodeAt, IncomingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return in(edges, run, asOf).thenApply(e -> e.of(EdgeType.PART_OF, NodeKind.RUN));
	}

	@SchemaMapping(typeName = "Run")
	CompletableFuture<List<Decision>> decisions(Run run, DataLoader<NodeAt, IncomingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return in(edges, run, asOf).thenApply(e -> e.of(EdgeType.PART_OF, NodeKind.DECISION));
	}

	@SchemaMapping(typeName = "ModelVersion")
	CompletableFuture<List<DataSource>> trainedOn(ModelVersion model, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, model, asOf).thenApply(e -> e.of(EdgeType.TRAINED_ON));
	}

	@SchemaMapping(typeName = "ModelVersion")
	CompletableFuture<List<Feature>> usesFeatures(ModelVersion model, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, model, asOf).thenApply(e -> e.of(EdgeType.USES_FEATURE));
	}

	@SchemaMapping(typeName = "Policy")
	CompletableFuture<Policy> supersedes(Policy policy, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, policy, asOf).thenApply(e -> e.single(EdgeType.SUPERSEDES));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Feature>> features(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.of(EdgeType.USED));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<DataSource>> dataSources(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.of(EdgeType.READ));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<ModelVersion> modelVersion(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.single(EdgeType.MADE_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<PromptVersion> promptVersion(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.single(EdgeType.PROMPTED_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<Policy> policy(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.single(EdgeType.GOVERNED_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Approver>> approvedBy(Decision decision, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, decision, asOf).thenApply(e -> e.of(EdgeType.APPROVED_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Action>> actions(Decision decision, DataLoader<NodeAt, IncomingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return in(edges, decision, asOf).thenApply(e -> e.of(EdgeType.EXECUTES));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<Decision> decision(Action action, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, action, asOf).thenApply(e -> e.single(EdgeType.EXECUTES));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<List<Action>> triggeredBy(Action action, DataLoader<NodeAt, OutgoingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return out(edges, action, asOf).thenApply(e -> e.of(EdgeType.TRIGGERED_BY));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<List<Action>> triggered(Action action, DataLoader<NodeAt, IncomingEdges> edges,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return in(edges, action, asOf).thenApply(e -> e.of(EdgeType.TRIGGERED_BY));
	}

	private static CompletableFuture<OutgoingEdges> out(DataLoader<NodeAt, OutgoingEdges> loader, ProvenanceNode node,
			OffsetDateTime asOf) {
		return loader.load(new NodeAt(node.id(), asOf)).thenApply(e -> (e != null) ? e : OutgoingEdges.NONE);
	}

	private static CompletableFuture<IncomingEdges> in(DataLoader<NodeAt, IncomingEdges> loader, ProvenanceNode node,
			OffsetDateTime asOf) {
		return loader.load(new NodeAt(node.id(), asOf)).thenApply(e -> (e != null) ? e : IncomingEdges.NONE);
	}

}
