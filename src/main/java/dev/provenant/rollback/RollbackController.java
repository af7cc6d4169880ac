package dev.provenant.rollback;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.IdPage;
import dev.provenant.api.Notes;
import dev.provenant.api.PageRequest;
import dev.provenant.graph.Action;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.impact.TimeWindow;
import dev.provenant.node.AsOf;
import dev.provenant.node.NodeReader;
import dev.provenant.security.ForOperators;
import dev.provenant.security.ForReaders;
import graphql.execution.DataFetcherResult;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class RollbackController {

	private final RollbackService rollback;

	private final NodeReader nodes;

	private final ApiProperties api;

	RollbackController(RollbackService rollback, NodeReader nodes, ApiProperties api) {
		this.rollback = rollback;
		this.nodes = nodes;
		this.api = api;
	}

	@ForReaders
	@QueryMapping
	DataFetcherResult<RollbackPlan> rollbackScope(@Argument String id, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, @Argument OffsetDateTime asOf) {
		return AsOf.result(this.rollback.plan(id, new TimeWindow(from, to), asOf), asOf);
	}

	@SchemaMapping(typeName = "RollbackPlan")
	Connection<RollbackStep> steps(RollbackPlan plan, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxPageSize()).slice(plan.orderedSteps(), page -> page);
	}

	@SchemaMapping(typeName = "RollbackPlan")
	IdPage actionIds(RollbackPlan plan, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxIdPageSize()).ids(plan.actionIds(), id -> id);
	}

	/**
	 * The actions of every step on the page: one query per instant asked about (usually
	 * one).
	 */
	@BatchMapping(typeName = "RollbackStep")
	Map<RollbackStep, Action> action(List<RollbackStep> steps) {
		Map<RollbackStep, Action> actions = new HashMap<>();
		Map<Optional<OffsetDateTime>, List<RollbackStep>> byInstant = steps.stream()
			.collect(Collectors.groupingBy(step -> Optional.ofNullable(step.asOf())));
		byInstant.forEach((asOf, group) -> {
			Map<String, ProvenanceNode> found = this.nodes
				.findAll(group.stream().map(step -> step.step().id()).toList(), asOf.orElse(null));
			group.forEach(step -> actions.put(step, (Action) found.get(step.step().id())));
		});
		return actions;
	}

	@ForOperators
	@MutationMapping
	Action markRolledBack(@Argument String actionId, @Argument String note, @Argument String by,
			@Argument String reason, Authentication caller) {
		return this.rollback.markRolledBack(actionId, caller.getName(), reason, Notes.either(note, by));
	}

}
