package dev.provenant.otlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Decision;
import dev.provenant.store.GraphStore;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Decision.trace}: the spans a decision recorded from an OpenTelemetry trace was
 * made of (its model calls, retrievals, reads and tool calls), read for every decision of
 * an answer in one query.
 */
@Controller
class TraceStepsController {

	private final GraphStore store;

	TraceStepsController(GraphStore store) {
		this.store = store;
	}

	@BatchMapping(typeName = "Decision")
	Map<Decision, List<TraceStep>> trace(List<Decision> decisions) {
		Map<Decision, List<TraceStep>> steps = new LinkedHashMap<>();
		List<Map<String, Object>> traced = new ArrayList<>();
		Map<String, List<Decision>> byId = new HashMap<>();
		for (Decision decision : decisions) {
			steps.put(decision, List.of());
			Map<String, Object> attributes = (decision.attributes() != null) ? decision.attributes() : Map.of();
			if (attributes.get("traceId") instanceof String traceId && attributes.get("spanId") instanceof String) {
				traced.add(Map.of("id", decision.id(), "traceId", traceId));
				byId.computeIfAbsent(decision.id(), id -> new ArrayList<>()).add(decision);
			}
		}
		if (traced.isEmpty()) {
			return steps;
		}
		this.store.read(tx -> {
			this.store.run(tx, "otlp/decision_traces", Map.of("decisions", traced)).forEachRemaining(row -> {
				List<KeptSpan> spans = row.get("spans").asList(value -> KeptSpan.fromProperties(value.asMap()));
				for (Decision decision : byId.getOrDefault(row.get("id").asString(), List.of())) {
					String spanId = (String) decision.attributes().get("spanId");
					steps.put(decision, TraceMapping.steps(spans, spanId).stream().map(TraceStep::of).toList());
				}
			});
			return null;
		});
		return steps;
	}

}
