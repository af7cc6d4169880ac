package dev.provenant.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every baseline answers every timed question as the floor does before anything is timed:
 * the same ids (as sets), the same counts of decisions and of actions, the same rollback
 * order. A baseline that answers differently fails the run, so no row compares engines
 * that answer different questions.
 */
final class Agreement {

	private static final int[] DEPTHS = { 3, 5, 10 };

	private final Engine floor;

	private final List<Engine> engines;

	private final Map<String, Function<String, Answers>> closureBaselines;

	/**
	 * @param floor the engine whose answers are taken as right
	 * @param engines the engines that answer every question
	 * @param closureBaselines further baselines that answer only the blast radius ids, by
	 * name
	 */
	Agreement(Engine floor, List<Engine> engines, Map<String, Function<String, Answers>> closureBaselines) {
		this.floor = floor;
		this.engines = engines;
		this.closureBaselines = closureBaselines;
	}

	/**
	 * @return how many answers were compared
	 * @throws IllegalStateException naming the first baseline that answers differently
	 */
	int check(Roots roots) {
		int checks = 0;
		for (String root : roots.closureRoots().values()) {
			Answers expected = this.floor.blastRadius(root);
			Counts expectedCounts = this.floor.blastRadiusCount(root);
			List<String> plan = this.floor.rollback(root);
			for (Engine engine : this.engines) {
				sameIds(engine.name(), root, expected, engine.blastRadius(root));
				Counts counts = engine.blastRadiusCount(root);
				if (!counts.equals(expectedCounts)) {
					throw new IllegalStateException(engine.name() + " counts the blast radius of " + root + " as "
							+ counts + " where the floor has " + expectedCounts);
				}
				if (!plan.equals(engine.rollback(root))) {
					throw new IllegalStateException(
							engine.name() + " orders the rollback of " + root + " differently from the floor");
				}
				checks += 3;
			}
			for (Map.Entry<String, Function<String, Answers>> baseline : this.closureBaselines.entrySet()) {
				sameIds(baseline.getKey(), root, expected, baseline.getValue().apply(root));
				checks++;
			}
		}
		for (String root : roots.lineageRoots()) {
			for (int depth : DEPTHS) {
				List<String> expected = this.floor.lineage(root, depth);
				for (Engine engine : this.engines) {
					same(engine.name(), "lineage of " + root + " at depth " + depth, expected,
							engine.lineage(root, depth));
					checks++;
				}
			}
		}
		return checks;
	}

	private static void sameIds(String engine, String root, Answers expected, Answers actual) {
		same(engine, "blast radius decisions of " + root, expected.decisions(), actual.decisions());
		same(engine, "blast radius actions of " + root, expected.actions(), actual.actions());
	}

	private static void same(String engine, String what, List<String> expected, List<String> actual) {
		if (expected.size() != actual.size() || !new HashSet<>(expected).equals(new HashSet<>(actual))) {
			throw new IllegalStateException(engine + " answers the " + what + " with " + actual.size()
					+ " ids where the floor has " + expected.size());
		}
	}

}
