package dev.provenant.otlp;

import java.time.OffsetDateTime;

/**
 * One span of the trace a decision was recorded from, as an auditor reads it: what it did
 * (operation, model, tool, what it read), when and how it ended.
 */
record TraceStep(String spanId, String parentSpanId, String name, String operation, OffsetDateTime startedAt,
		OffsetDateTime endedAt, String status, String model, String tool, String dataSource, String action,
		Integer inputTokens, Integer outputTokens) {

	static TraceStep of(KeptSpan span) {
		String model = TraceMapping.modelId(span);
		String dataSource = "retrieval".equals(span.operation()) ? span.text("gen_ai.data_source.id") : null;
		DatabaseTable table = DatabaseTable.of(span);
		if (table != null) {
			dataSource = table.id();
		}
		String operation = span.operation();
		if (operation == null && (span.text("db.system.name") != null || span.text("db.system") != null)) {
			operation = "db";
		}
		String action = ("execute_tool".equals(span.operation()) && span.text(TraceMapping.ACTION_TYPE) != null)
				? TraceMapping.actionId(span) : null;
		boolean modelCall = model != null && !"invoke_agent".equals(operation) && !"execute_tool".equals(operation);
		return new TraceStep(span.spanId(), span.parentSpanId(), span.name(), operation, span.startedAt(),
				span.endedAt(), span.status(), modelCall ? model : null, span.text("gen_ai.tool.name"), dataSource,
				action, tokens(span, "gen_ai.usage.input_tokens"), tokens(span, "gen_ai.usage.output_tokens"));
	}

	private static Integer tokens(KeptSpan span, String attribute) {
		Double count = span.number(attribute);
		return (count == null) ? null : count.intValue();
	}

}
