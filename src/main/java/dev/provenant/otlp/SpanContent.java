package dev.provenant.otlp;

import java.util.List;
import java.util.Set;

/**
 * The span attributes that carry what was said rather than what was done: prompts,
 * completions, instructions, tool arguments and results, retrieved documents, query text
 * and parameters. They are dropped before a span is kept or digested unless
 * {@code provenant.otlp.keep-content} is on, so that no customer text enters a record
 * that cannot be edited afterwards.
 */
final class SpanContent {

	private static final Set<String> EXACT = Set.of("gen_ai.input.messages", "gen_ai.output.messages",
			"gen_ai.system_instructions", "gen_ai.tool.call.arguments", "gen_ai.tool.call.result",
			"gen_ai.tool.definitions", "gen_ai.retrieval.query.text", "gen_ai.retrieval.documents", "input.value",
			"output.value", "db.query.text", "db.statement", "gen_ai.prompt", "gen_ai.completion");

	/** Prefixes: deprecated indexed forms and OpenInference's flattened messages. */
	private static final List<String> PREFIXES = List.of("gen_ai.prompt.", "gen_ai.completion.", "db.query.parameter.",
			"llm.input_messages", "llm.output_messages", "llm.prompts", "retrieval.documents",
			"tool_call.function.arguments", "tool.parameters", "embedding.embeddings", "reranker.input_documents",
			"reranker.output_documents", "reranker.query");

	private SpanContent() {
	}

	static boolean isContent(String attribute) {
		if (EXACT.contains(attribute)) {
			return true;
		}
		for (String prefix : PREFIXES) {
			if (attribute.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
