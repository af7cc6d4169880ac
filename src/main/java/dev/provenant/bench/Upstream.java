package dev.provenant.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;

import static dev.provenant.bench.SyntheticGraph.DOMAINS;
import static dev.provenant.bench.SyntheticGraph.FEATURES;
import static dev.provenant.bench.SyntheticGraph.FEATURES_PER_DOMAIN;
import static dev.provenant.bench.SyntheticGraph.MASTER_DOMAINS;

/**
 * The synthetic graph's fixed populations and how they derive from each other: sources
 * (source i feeds domain i; the master source feeds most domains), features (each from
 * its domain's source, some also from an earlier non-base feature of the domain), model
 * versions (a domain's features and sources), prompt versions, policies and approvers.
 */
final class Upstream {

	private final List<String> ids = new ArrayList<>();

	private final List<NodeKind> kinds = new ArrayList<>();

	private final Map<String, Integer> numbers = new HashMap<>();

	private final List<Map<String, Object>> sources = new ArrayList<>();

	private final List<Map<String, Object>> features = new ArrayList<>();

	private final List<Map<String, Object>> models = new ArrayList<>();

	private final List<Map<String, Object>> prompts = new ArrayList<>();

	private final List<Map<String, Object>> policies = new ArrayList<>();

	private final List<Map<String, Object>> approvers = new ArrayList<>();

	private final List<int[]> edges = new ArrayList<>();

	Upstream(SplittableRandom random) {
		for (int i = 0; i < SyntheticGraph.SOURCES; i++) {
			this.sources.add(record(SyntheticGraph.source(i), NodeKind.DATA_SOURCE, "uri", "s3://lake/source-" + i));
		}
		this.sources.add(record(SyntheticGraph.MASTER_SOURCE, NodeKind.DATA_SOURCE, "uri", "s3://lake/master"));
		for (int f = 0; f < FEATURES; f++) {
			int domain = f / FEATURES_PER_DOMAIN;
			Set<String> from = new LinkedHashSet<>();
			from.add(SyntheticGraph.source(domain % SyntheticGraph.SOURCES));
			if (domain < MASTER_DOMAINS) {
				from.add(SyntheticGraph.MASTER_SOURCE);
			}
			int indexInDomain = f % FEATURES_PER_DOMAIN;
			// Base features (the first of each domain) stay leaves, so their reach is
			// their own decisions: the roots the benchmark times are predictable.
			if (indexInDomain > 1 && random.nextInt(10) < 3) {
				from.add(SyntheticGraph.feature(f - 1 - random.nextInt(indexInDomain - 1)));
			}
			this.features.add(withEdges(record(SyntheticGraph.feature(f), NodeKind.FEATURE), "derivedFrom",
					EdgeType.DERIVED_FROM, List.copyOf(from)));
		}
		for (int m = 0; m < SyntheticGraph.MODELS; m++) {
			int domain = m % DOMAINS;
			Set<String> used = new LinkedHashSet<>();
			while (used.size() < 10) {
				used.add(SyntheticGraph.feature(domain * FEATURES_PER_DOMAIN + random.nextInt(FEATURES_PER_DOMAIN)));
			}
			Set<String> trainedOn = new LinkedHashSet<>();
			trainedOn.add(SyntheticGraph.source(domain % SyntheticGraph.SOURCES));
			if (random.nextBoolean()) {
				trainedOn.add(SyntheticGraph.source((domain + 1) % SyntheticGraph.SOURCES));
			}
			Map<String, Object> model = record(SyntheticGraph.model(m), NodeKind.MODEL_VERSION, "model",
					"risk-" + domain, "version", Integer.toString(m));
			withEdges(model, "usesFeatures", EdgeType.USES_FEATURE, List.copyOf(used));
			this.models.add(withEdges(model, "trainedOn", EdgeType.TRAINED_ON, List.copyOf(trainedOn)));
		}
		for (int p = 0; p < SyntheticGraph.PROMPTS; p++) {
			this.prompts.add(record(SyntheticGraph.prompt(p), NodeKind.PROMPT_VERSION, "prompt", "explain", "version",
					Integer.toString(p), "template", "Explain decision {id} in plain words, version " + p));
		}
		for (int p = 0; p < SyntheticGraph.POLICIES; p++) {
			this.policies.add(record(SyntheticGraph.policy(p), NodeKind.POLICY, "minConfidence", 0.5, "reviewSla",
					"PT" + (4 + p) + "H"));
		}
		for (int a = 0; a < SyntheticGraph.APPROVERS; a++) {
			this.approvers.add(record(SyntheticGraph.approver(a), NodeKind.APPROVER, "role",
					(a % 10 == 0) ? "risk-officer" : "credit-officer"));
		}
	}

	private Map<String, Object> record(String id, NodeKind kind, Object... fields) {
		this.numbers.put(id, this.ids.size());
		this.ids.add(id);
		this.kinds.add(kind);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		for (int i = 0; i < fields.length; i += 2) {
			record.put((String) fields[i], fields[i + 1]);
		}
		return record;
	}

	private Map<String, Object> withEdges(Map<String, Object> record, String field, EdgeType type,
			List<String> targets) {
		record.put(field, targets);
		int owner = this.numbers.get((String) record.get("id"));
		for (String target : targets) {
			this.edges.add(new int[] { owner, type.ordinal(), this.numbers.get(target) });
		}
		return record;
	}

	int count() {
		return this.ids.size();
	}

	List<String> ids() {
		return this.ids;
	}

	List<NodeKind> kinds() {
		return this.kinds;
	}

	Map<String, Object> batch() {
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("dataSources", this.sources);
		batch.put("features", this.features);
		batch.put("modelVersions", this.models);
		batch.put("promptVersions", this.prompts);
		batch.put("policies", this.policies);
		batch.put("approvers", this.approvers);
		return batch;
	}

	void edges(SyntheticGraph.EdgeList list) {
		EdgeType[] types = EdgeType.values();
		for (int[] edge : this.edges) {
			list.add(edge[0], types[edge[1]], edge[2]);
		}
	}

	// Upstream records are numbered in the order they were made: sources (with the
	// master last), features, models, prompts, policies, approvers.

	int featureNode(int feature) {
		return SyntheticGraph.SOURCES + 1 + feature;
	}

	int modelNode(int model) {
		return featureNode(FEATURES) + model;
	}

	int promptNode(int prompt) {
		return modelNode(SyntheticGraph.MODELS) + prompt;
	}

	int policyNode(int policy) {
		return promptNode(SyntheticGraph.PROMPTS) + policy;
	}

	int approverNode(int approver) {
		return policyNode(SyntheticGraph.POLICIES) + approver;
	}

}
