package dev.provenant.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;

/**
 * A seeded synthetic provenance graph with the shape of a production deployment: a few
 * data sources (one of them, the master source, feeding most domains), features in
 * domains, model versions trained on a domain's features, prompt versions, policies,
 * approvers, then decisions (about 8 features each, a model version, often a prompt
 * version, a policy, an approver when reviewed) and 1.5 actions per decision, 30% of them
 * triggered by an earlier action, so that cascades run up to 11 actions deep.
 *
 * <p>
 * Kept as arrays; ingest batches are built on demand, and so is the CSR adjacency the
 * floor engine traverses. The same seed gives the same graph.
 */
final class SyntheticGraph {

	static final int SOURCES = 20;

	static final int DOMAINS = 20;

	static final int FEATURES_PER_DOMAIN = 25;

	static final int FEATURES = DOMAINS * FEATURES_PER_DOMAIN;

	static final int MODELS = 50;

	static final int PROMPTS = 50;

	static final int POLICIES = 5;

	static final int APPROVERS = 1000;

	static final int FEATURES_PER_DECISION = 8;

	/** Domains below this derive from the master source too. */
	static final int MASTER_DOMAINS = 16;

	/** The deepest cascade: a trigger chain of this many actions after the first. */
	static final int MAX_TRIGGER_DEPTH = 10;

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final long YEAR_MICROS = 365L * 24 * 3600 * 1_000_000;

	private static final float REVIEW_BELOW = 0.5f;

	private final int decisions;

	private final int[] decisionFeatures;

	private final int[] decisionModel;

	private final int[] decisionPrompt;

	private final int[] decisionPolicy;

	private final int[] decisionApprover;

	private final float[] decisionConfidence;

	/**
	 * Actions in emission order; decision i's actions are [firstAction[i],
	 * firstAction[i+1]).
	 */
	private final int[] firstAction;

	private final int[] actionDecision;

	private final int[] actionTrigger;

	private final int maxDepth;

	private final Upstream upstream;

	SyntheticGraph(int decisions, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		this.upstream = new Upstream(random.split());
		this.decisions = decisions;
		this.decisionFeatures = new int[decisions * FEATURES_PER_DECISION];
		this.decisionModel = new int[decisions];
		this.decisionPrompt = new int[decisions];
		this.decisionPolicy = new int[decisions];
		this.decisionApprover = new int[decisions];
		this.decisionConfidence = new float[decisions];
		this.firstAction = new int[decisions + 1];
		int actionCapacity = decisions * 2;
		int[] actionDecisions = new int[actionCapacity];
		int[] triggers = new int[actionCapacity];
		byte[] depth = new byte[actionCapacity];
		int actions = 0;
		int deepest = 0;
		int segmentFirstAction = 0;
		for (int d = 0; d < decisions; d++) {
			decide(d, random);
			if (d == segmentStart(1) || d == segmentStart(2)) {
				segmentFirstAction = actions;
			}
			this.firstAction[d] = actions;
			int count = random.nextBoolean() ? 1 : 2;
			for (int k = 0; k < count; k++) {
				actionDecisions[actions] = d;
				triggers[actions] = -1;
				// Triggers stay inside the decision's segment, so that segments can be
				// ingested side by side.
				int earlier = actions - segmentFirstAction;
				if (earlier > 0 && random.nextInt(10) < 3) {
					int trigger = actions - 1 - random.nextInt(Math.min(earlier, 5000));
					if (depth[trigger] < MAX_TRIGGER_DEPTH) {
						triggers[actions] = trigger;
						depth[actions] = (byte) (depth[trigger] + 1);
						deepest = Math.max(deepest, depth[actions]);
					}
				}
				actions++;
			}
		}
		this.firstAction[decisions] = actions;
		this.actionDecision = Arrays.copyOf(actionDecisions, actions);
		this.actionTrigger = Arrays.copyOf(triggers, actions);
		this.maxDepth = deepest;
	}

	private void decide(int d, SplittableRandom random) {
		int model = random.nextInt(MODELS);
		int domain = model % DOMAINS;
		this.decisionModel[d] = model;
		int base = d * FEATURES_PER_DECISION;
		int filled = 0;
		// A globally hot feature, then the domain's base feature, then any of the
		// domain's.
		// Shares chosen so that, with the cascades actions add, the hot feature reaches
		// ~80k decisions and actions at M and a base feature ~20k.
		if (random.nextInt(100) < 4) {
			this.decisionFeatures[base + filled++] = 0;
		}
		if (random.nextInt(100) < 27) {
			filled = addDistinct(base, filled, domain * FEATURES_PER_DOMAIN);
		}
		while (filled < FEATURES_PER_DECISION) {
			filled = addDistinct(base, filled, domain * FEATURES_PER_DOMAIN + random.nextInt(FEATURES_PER_DOMAIN));
		}
		this.decisionPrompt[d] = (random.nextInt(10) < 7) ? random.nextInt(PROMPTS) : -1;
		this.decisionPolicy[d] = random.nextInt(POLICIES);
		this.decisionConfidence[d] = 0.3f + 0.7f * (float) random.nextDouble();
		boolean reviewed = this.decisionConfidence[d] < REVIEW_BELOW;
		// One approver in 300 reviews goes to the first approver, so it reaches ~1k.
		this.decisionApprover[d] = !reviewed ? -1 : (random.nextInt(300) == 0) ? 0 : random.nextInt(APPROVERS);
	}

	private int addDistinct(int base, int filled, int feature) {
		for (int i = 0; i < filled; i++) {
			if (this.decisionFeatures[base + i] == feature) {
				return filled;
			}
		}
		this.decisionFeatures[base + filled] = feature;
		return filled + 1;
	}

	/**
	 * Where segment 0, 1 or 2 (or the end, 3) starts, in decisions: the first half is
	 * ingested by one writer, then the two quarters side by side. No reference crosses
	 * into a later segment or from segment 2 into segment 1.
	 */
	int segmentStart(int segment) {
		return switch (segment) {
			case 0 -> 0;
			case 1 -> this.decisions / 2;
			case 2 -> this.decisions / 2 + this.decisions / 4;
			default -> this.decisions;
		};
	}

	/** Where a segment starts in the stream of decision and action records. */
	int segmentPosition(int segment) {
		int d = segmentStart(segment);
		return d + this.firstAction[d];
	}

	int decisionCount() {
		return this.decisions;
	}

	int actionCount() {
		return this.actionDecision.length;
	}

	int upstreamCount() {
		return this.upstream.count();
	}

	int nodeCount() {
		return upstreamCount() + this.decisions + actionCount();
	}

	int maxTriggerDepth() {
		return this.maxDepth;
	}

	/** Decisions and actions, in emission order. */
	int recordCount() {
		return this.decisions + actionCount();
	}

	// ---- ids -----------------------------------------------------------------------

	static String source(int i) {
		return String.format("ds-%02d", i);
	}

	static final String MASTER_SOURCE = "ds-master";

	static String feature(int i) {
		return String.format("f-%03d", i);
	}

	static String model(int i) {
		return String.format("m-%02d", i);
	}

	static String prompt(int i) {
		return String.format("p-%02d", i);
	}

	static String policy(int i) {
		return "pol-" + i;
	}

	static String approver(int i) {
		return String.format("ap-%04d", i);
	}

	static String decision(int i) {
		return String.format("d-%07d", i);
	}

	static String action(int i) {
		return String.format("a-%07d", i);
	}

	static OffsetDateTime decisionTime(int d, int decisions) {
		return OffsetDateTime.ofInstant(START.plusNanos(1000L * (YEAR_MICROS / Math.max(1, decisions)) * d),
				ZoneOffset.UTC);
	}

	OffsetDateTime actionTime(int a) {
		int d = this.actionDecision[a];
		return decisionTime(d, this.decisions).plusSeconds(1 + a - this.firstAction[d]);
	}

	// ---- batches -------------------------------------------------------------------

	/** The upstream records: sources, features, models, prompts, policies, approvers. */
	Map<String, Object> upstreamBatch() {
		return this.upstream.batch();
	}

	/**
	 * Records {@code [from, to)} of the decision-and-action stream as an ingest batch: an
	 * action's decision and trigger come before it in the stream.
	 */
	Map<String, Object> batch(int from, int to) {
		List<Map<String, Object>> decisionRecords = new ArrayList<>();
		List<Map<String, Object>> actionRecords = new ArrayList<>();
		for (int d = decisionAt(from); d < this.decisions; d++) {
			// decision d sits at d + firstAction[d], its actions right after it
			int position = d + this.firstAction[d];
			if (position >= to) {
				break;
			}
			if (position >= from) {
				decisionRecords.add(decisionRecord(d));
			}
			for (int a = this.firstAction[d]; a < this.firstAction[d + 1]; a++) {
				int actionPosition = position + 1 + a - this.firstAction[d];
				if (actionPosition >= from && actionPosition < to) {
					actionRecords.add(actionRecord(a));
				}
			}
		}
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("decisions", decisionRecords);
		batch.put("actions", actionRecords);
		return batch;
	}

	/** The decision whose record or actions sit at this stream position. */
	private int decisionAt(int position) {
		int low = 0;
		int high = this.decisions - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (mid + this.firstAction[mid] <= position) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low;
	}

	Map<String, Object> decisionRecord(int d) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", decision(d));
		record.put("occurredAt", decisionTime(d, this.decisions).toString());
		record.put("outcome", (d % 3 == 0) ? "decline" : "approve");
		record.put("confidence", (double) this.decisionConfidence[d]);
		record.put("route", (this.decisionApprover[d] >= 0) ? "HUMAN_REVIEW" : "AUTONOMOUS");
		List<String> features = new ArrayList<>(FEATURES_PER_DECISION);
		for (int i = 0; i < FEATURES_PER_DECISION; i++) {
			features.add(feature(this.decisionFeatures[d * FEATURES_PER_DECISION + i]));
		}
		record.put("features", features);
		record.put("modelVersion", model(this.decisionModel[d]));
		if (this.decisionPrompt[d] >= 0) {
			record.put("promptVersion", prompt(this.decisionPrompt[d]));
		}
		record.put("policy", policy(this.decisionPolicy[d]));
		if (this.decisionApprover[d] >= 0) {
			record.put("approvedBy", List.of(approver(this.decisionApprover[d])));
		}
		return record;
	}

	private Map<String, Object> actionRecord(int a) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", action(a));
		record.put("occurredAt", actionTime(a).toString());
		record.put("type", "notify");
		record.put("decision", decision(this.actionDecision[a]));
		if (this.actionTrigger[a] >= 0) {
			record.put("triggeredBy", List.of(action(this.actionTrigger[a])));
		}
		return record;
	}

	// ---- the floor's adjacency ------------------------------------------------------

	/**
	 * Every node's id, numbered as the CSR numbers them: upstream, decisions, actions.
	 */
	String[] ids() {
		String[] ids = new String[nodeCount()];
		List<String> upstreamIds = this.upstream.ids();
		for (int i = 0; i < upstreamIds.size(); i++) {
			ids[i] = upstreamIds.get(i);
		}
		for (int d = 0; d < this.decisions; d++) {
			ids[upstreamCount() + d] = decision(d);
		}
		for (int a = 0; a < actionCount(); a++) {
			ids[upstreamCount() + this.decisions + a] = action(a);
		}
		return ids;
	}

	/** Each node's kind, numbered as {@link #ids()}. */
	NodeKind[] kinds() {
		NodeKind[] kinds = new NodeKind[nodeCount()];
		List<NodeKind> upstreamKinds = this.upstream.kinds();
		for (int i = 0; i < upstreamKinds.size(); i++) {
			kinds[i] = upstreamKinds.get(i);
		}
		Arrays.fill(kinds, upstreamCount(), upstreamCount() + this.decisions, NodeKind.DECISION);
		Arrays.fill(kinds, upstreamCount() + this.decisions, nodeCount(), NodeKind.ACTION);
		return kinds;
	}

	/** Each decision's and action's occurredAt in epoch microseconds; 0 upstream. */
	long[] times() {
		long[] times = new long[nodeCount()];
		for (int d = 0; d < this.decisions; d++) {
			times[upstreamCount() + d] = micros(decisionTime(d, this.decisions));
		}
		for (int a = 0; a < actionCount(); a++) {
			times[upstreamCount() + this.decisions + a] = micros(actionTime(a));
		}
		return times;
	}

	private static long micros(OffsetDateTime time) {
		Instant instant = time.toInstant();
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	Csr csr() {
		EdgeList edges = new EdgeList(this.decisions * 12L + actionCount() * 2L + 4096);
		this.upstream.edges(edges);
		int decisionBase = upstreamCount();
		int actionBase = decisionBase + this.decisions;
		for (int d = 0; d < this.decisions; d++) {
			int node = decisionBase + d;
			for (int i = 0; i < FEATURES_PER_DECISION; i++) {
				edges.add(node, EdgeType.USED,
						this.upstream.featureNode(this.decisionFeatures[d * FEATURES_PER_DECISION + i]));
			}
			edges.add(node, EdgeType.MADE_BY, this.upstream.modelNode(this.decisionModel[d]));
			if (this.decisionPrompt[d] >= 0) {
				edges.add(node, EdgeType.PROMPTED_BY, this.upstream.promptNode(this.decisionPrompt[d]));
			}
			edges.add(node, EdgeType.GOVERNED_BY, this.upstream.policyNode(this.decisionPolicy[d]));
			if (this.decisionApprover[d] >= 0) {
				edges.add(node, EdgeType.APPROVED_BY, this.upstream.approverNode(this.decisionApprover[d]));
			}
		}
		for (int a = 0; a < actionCount(); a++) {
			edges.add(actionBase + a, EdgeType.EXECUTES, decisionBase + this.actionDecision[a]);
			if (this.actionTrigger[a] >= 0) {
				edges.add(actionBase + a, EdgeType.TRIGGERED_BY, actionBase + this.actionTrigger[a]);
			}
		}
		return Csr.of(nodeCount(), edges.from, edges.to, edges.types, edges.size);
	}

	/** A growable list of typed edges, as three parallel arrays. */
	static final class EdgeList {

		int[] from;

		int[] to;

		byte[] types;

		int size;

		EdgeList(long capacity) {
			int initial = (int) Math.min(Integer.MAX_VALUE - 8, capacity);
			this.from = new int[initial];
			this.to = new int[initial];
			this.types = new byte[initial];
		}

		void add(int fromNode, EdgeType type, int toNode) {
			if (this.size == this.from.length) {
				int capacity = this.size * 2;
				this.from = Arrays.copyOf(this.from, capacity);
				this.to = Arrays.copyOf(this.to, capacity);
				this.types = Arrays.copyOf(this.types, capacity);
			}
			this.from[this.size] = fromNode;
			this.to[this.size] = toNode;
			this.types[this.size] = (byte) type.ordinal();
			this.size++;
		}

	}

}
