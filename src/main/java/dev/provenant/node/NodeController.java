package dev.provenant.node;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.provenant.api.InvalidArgument;
import dev.provenant.graph.Action;
import dev.provenant.graph.Approver;
import dev.provenant.graph.DataSource;
import dev.provenant.graph.Decision;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.Feature;
import dev.provenant.graph.ModelVersion;
import dev.provenant.graph.Policy;
import dev.provenant.graph.PromptVersion;
import dev.provenant.graph.ProvenanceNode;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code node} query and every typed edge field of the node types. */
@Controller
class NodeController {

	private final NodeReader reader;

	NodeController(NodeReader reader) {
		this.reader = reader;
	}

	@QueryMapping
	ProvenanceNode node(@Argument String id) {
		if (id.isEmpty()) {
			throw new InvalidArgument("id", "id must not be empty");
		}
		return this.reader.find(id).orElse(null);
	}

	@SchemaMapping(typeName = "Feature")
	CompletableFuture<List<ProvenanceNode>> derivedFrom(Feature feature, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, feature).thenApply(e -> e.of(EdgeType.DERIVED_FROM));
	}

	@SchemaMapping(typeName = "ModelVersion")
	CompletableFuture<List<DataSource>> trainedOn(ModelVersion model, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, model).thenApply(e -> e.of(EdgeType.TRAINED_ON));
	}

	@SchemaMapping(typeName = "ModelVersion")
	CompletableFuture<List<Feature>> usesFeatures(ModelVersion model, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, model).thenApply(e -> e.of(EdgeType.USES_FEATURE));
	}

	@SchemaMapping(typeName = "Policy")
	CompletableFuture<Policy> supersedes(Policy policy, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, policy).thenApply(e -> e.single(EdgeType.SUPERSEDES));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Feature>> features(Decision decision, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, decision).thenApply(e -> e.of(EdgeType.USED));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<DataSource>> dataSources(Decision decision, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, decision).thenApply(e -> e.of(EdgeType.READ));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<ModelVersion> modelVersion(Decision decision, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, decision).thenApply(e -> e.single(EdgeType.MADE_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<PromptVersion> promptVersion(Decision decision, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, decision).thenApply(e -> e.single(EdgeType.PROMPTED_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<Policy> policy(Decision decision, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, decision).thenApply(e -> e.single(EdgeType.GOVERNED_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Approver>> approvedBy(Decision decision, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, decision).thenApply(e -> e.of(EdgeType.APPROVED_BY));
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Action>> actions(Decision decision, DataLoader<String, IncomingEdges> edges) {
		return in(edges, decision).thenApply(e -> e.of(EdgeType.EXECUTES));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<Decision> decision(Action action, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, action).thenApply(e -> e.single(EdgeType.EXECUTES));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<List<Action>> triggeredBy(Action action, DataLoader<String, OutgoingEdges> edges) {
		return out(edges, action).thenApply(e -> e.of(EdgeType.TRIGGERED_BY));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<List<Action>> triggered(Action action, DataLoader<String, IncomingEdges> edges) {
		return in(edges, action).thenApply(e -> e.of(EdgeType.TRIGGERED_BY));
	}

	private static CompletableFuture<OutgoingEdges> out(DataLoader<String, OutgoingEdges> loader, ProvenanceNode node) {
		return loader.load(node.id()).thenApply(e -> (e != null) ? e : OutgoingEdges.NONE);
	}

	private static CompletableFuture<IncomingEdges> in(DataLoader<String, IncomingEdges> loader, ProvenanceNode node) {
		return loader.load(node.id()).thenApply(e -> (e != null) ? e : IncomingEdges.NONE);
	}

}
