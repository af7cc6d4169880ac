package dev.provenant.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.summary.Plan;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every traversal must plan as a pruning breadth-first expand, which visits each node
 * once, and never as a plain variable-length expand, which enumerates paths and explodes
 * on graphs full of diamonds.
 */
class TraversalPlansIT extends GraphQlIT {

	@Autowired
	private CypherQueries queries;

	@ParameterizedTest
	@ValueSource(strings = { "lineage/upstream", "lineage/downstream", "impact/downstream_decisions",
			"impact/downstream_actions", "impact/impact_graph", "governance/assessment_inputs" })
	void traversalsPlanAsPruningBreadthFirstExpands(String name) {
		// Depth-bounded traversals take their bound as a rendered literal.
		String statement = (name.startsWith("lineage") || name.equals("impact/impact_graph"))
				? this.queries.render(name, Map.of("depth", 10)) : this.queries.get(name);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", "any");
		parameters.put("asOf", OffsetDateTime.parse("2026-11-01T00:00:00Z"));
		parameters.put("limit", 10_001);
		parameters.put("from", null);
		parameters.put("to", null);
		parameters.put("seeds", List.of("any"));
		parameters.put("decisions", List.of(Map.of("id", "any", "inputs", List.of("any"))));
		parameters.put("ids", List.of("any"));
		parameters.put("quarantine", true);
		try (var session = this.driver.session()) {
			Plan plan = session.run("EXPLAIN " + statement, parameters).consume().plan();
			List<String> operators = new ArrayList<>();
			collect(plan, operators);
			assertThat(operators).as(name).anyMatch(op -> op.startsWith("VarLengthExpand(Pruning"));
			assertThat(operators).as(name).noneMatch(op -> op.startsWith("VarLengthExpand(All"));
		}
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType());
		plan.children().forEach(child -> collect(child, operators));
	}

}
