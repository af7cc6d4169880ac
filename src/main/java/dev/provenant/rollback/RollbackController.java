package dev.provenant.rollback;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.PageRequest;
import dev.provenant.graph.Action;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.impact.TimeWindow;
import dev.provenant.node.NodeReader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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

	@QueryMapping
	RollbackPlan rollbackScope(@Argument String id, @Argument OffsetDateTime from, @Argument OffsetDateTime to) {
		return this.rollback.plan(id, new TimeWindow(from, to));
	}

	@SchemaMapping(typeName = "RollbackPlan")
	Connection<RollbackStep> steps(RollbackPlan plan, @Argument Integer first, @Argument String after) {
		return PageRequest.of(first, after, this.api.maxPageSize()).slice(plan.orderedSteps(), page -> page);
	}

	/** The actions of every step on the page, in one query. */
	@BatchMapping(typeName = "RollbackStep")
	Map<RollbackStep, Action> action(List<RollbackStep> steps) {
		Map<String, ProvenanceNode> found = this.nodes.findAll(steps.stream().map(s -> s.step().id()).toList());
		Map<RollbackStep, Action> actions = new HashMap<>();
		steps.forEach(step -> actions.put(step, (Action) found.get(step.step().id())));
		return actions;
	}

	@MutationMapping
	Action markRolledBack(@Argument String actionId, @Argument String by, @Argument String reason) {
		return this.rollback.markRolledBack(actionId, by, reason);
	}

}
