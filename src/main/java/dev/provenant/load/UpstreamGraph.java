package dev.provenant.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the decisions of a run are made from: data sources, features derived from them
 * (some from other features), one model version, one prompt version and one policy, with
 * ids under the run's prefix so that runs against the same store never collide.
 */
record UpstreamGraph(String prefix, List<String> dataSources, List<String> features, String modelVersion,
		String promptVersion, String policy) {

	private static final int DATA_SOURCES = 4;

	private static final int FEATURES = 8;

	/** Decisions below it are routed to human review, as the policy demands. */
	static final double MIN_CONFIDENCE = 0.6;

	static UpstreamGraph forRun(String prefix) {
		return new UpstreamGraph(prefix, ids(prefix + "ds:", DATA_SOURCES), ids(prefix + "feat:", FEATURES),
				prefix + "model:scoring:1.0.0", prefix + "prompt:explanation:1.0.0", prefix + "policy:load");
	}

	/** Every node a blast radius may start from. */
	List<String> inputs() {
		List<String> inputs = new ArrayList<>(this.dataSources);
		inputs.addAll(this.features);
		return inputs;
	}

	/** How many nodes {@link #batch()} records. */
	int nodeCount() {
		return this.dataSources.size() + this.features.size() + 3;
	}

	/** The ingest batch that records this graph. */
	Map<String, Object> batch() {
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("dataSources", IntStream.range(0, this.dataSources.size()).mapToObj(this::dataSource).toList());
		batch.put("features", IntStream.range(0, this.features.size()).mapToObj(this::feature).toList());
		batch.put("modelVersions", List.of(Map.of("id", this.modelVersion, "name", "Load scoring model 1.0.0", "model",
				"load-scoring", "version", "1.0.0", "trainedOn", this.dataSources, "usesFeatures", this.features)));
		batch.put("promptVersions", List.of(Map.of("id", this.promptVersion, "name", "Load explanation prompt",
				"prompt", "load-explanation", "version", "1.0.0", "template", "Explain why {{outcome}}.")));
		batch.put("policies", List.of(Map.of("id", this.policy, "name", "Load policy", "minConfidence", MIN_CONFIDENCE,
				"maxRiskScore", 0.8, "reviewSla", "PT4H")));
		return batch;
	}

	private Map<String, Object> dataSource(int index) {
		return Map.of("id", this.dataSources.get(index), "name", "Load data source " + index, "uri",
				"load://sources/" + index, "owner", "load");
	}

	private Map<String, Object> feature(int index) {
		// The second half derives from the first, so lineage and blast radius cross more
		// than one hop of features.
		List<String> derivedFrom = (index < this.features.size() / 2)
				? List.of(this.dataSources.get(index % this.dataSources.size()))
				: List.of(this.features.get(index - this.features.size() / 2),
						this.dataSources.get((index + 1) % this.dataSources.size()));
		return Map.of("id", this.features.get(index), "name", "Load feature " + index, "derivedFrom", derivedFrom);
	}

	private static List<String> ids(String stem, int count) {
		return IntStream.range(0, count).mapToObj(index -> stem + index).toList();
	}

}
