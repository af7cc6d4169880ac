package dev.provenant.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The nodes the benchmark asks about: for closures, the model version, base feature and
 * so on whose answer size is nearest to the sizes the targets name (scaled to the graph's
 * size), and for lineage, random decisions and actions.
 */
record Roots(Map<String, String> closureRoots, Map<String, Integer> sizes, List<String> decisionRoots,
		List<String> actionRoots) {

	private static final int RANDOM_ROOTS = 20;

	static Roots choose(SyntheticGraph graph, FloorEngine floor) {
		double scale = graph.decisionCount() / (double) BenchOptions.MEDIUM;
		Map<String, String> roots = new LinkedHashMap<>();
		roots.put("model version", nearest(floor, SyntheticGraph.MODELS, SyntheticGraph::model, 25_000 * scale));
		roots.put("feature (~20k at M)", nearest(floor, SyntheticGraph.DOMAINS - 1,
				domain -> SyntheticGraph.feature((domain + 1) * SyntheticGraph.FEATURES_PER_DOMAIN), 20_000 * scale));
		roots.put("feature (~80k at M)", SyntheticGraph.feature(0));
		roots.put("approver", SyntheticGraph.approver(0));
		roots.put("data source (stress)", SyntheticGraph.MASTER_SOURCE);
		Map<String, Integer> sizes = new LinkedHashMap<>();
		roots.forEach((label, id) -> sizes.put(label, floor.blastRadiusCount(id).total()));
		SplittableRandom random = new SplittableRandom(graph.decisionCount());
		List<String> decisions = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		for (int i = 0; i < RANDOM_ROOTS; i++) {
			decisions.add(SyntheticGraph.decision(random.nextInt(graph.decisionCount())));
			actions.add(SyntheticGraph.action(random.nextInt(graph.actionCount())));
		}
		return new Roots(roots, sizes, decisions, actions);
	}

	private static String nearest(FloorEngine floor, int count, IntFunction<String> id, double target) {
		String best = id.apply(0);
		double distance = Double.MAX_VALUE;
		for (int i = 0; i < count; i++) {
			double d = Math.abs(floor.blastRadiusCount(id.apply(i)).total() - target);
			if (d < distance) {
				distance = d;
				best = id.apply(i);
			}
		}
		return best;
	}

	/** A few decisions and actions, for checking lineage answers. */
	List<String> lineageRoots() {
		return List.of(this.decisionRoots.get(0), this.decisionRoots.get(1), this.actionRoots.get(0),
				this.actionRoots.get(1));
	}

	String describe() {
		List<String> parts = new ArrayList<>();
		this.closureRoots.forEach((label, id) -> parts
			.add(String.format(Locale.ROOT, "%s %s (%,d affected)", label, id, this.sizes.get(label))));
		return String.join("; ", parts);
	}

}
