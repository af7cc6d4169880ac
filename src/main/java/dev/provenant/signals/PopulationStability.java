package dev.provenant.signals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The population stability index Σ (cᵢ − bᵢ)·ln(cᵢ / bᵢ) between two histograms over the
 * same categories, with every proportion floored at 0.0001 so that an empty category does
 * not make the index infinite.
 */
final class PopulationStability {

	static final double FLOOR = 0.0001;

	private PopulationStability() {
	}

	static <K extends Comparable<K>> double index(Map<K, Long> baseline, Map<K, Long> current, Set<K> categories) {
		long baselineTotal = baseline.values().stream().mapToLong(Long::longValue).sum();
		long currentTotal = current.values().stream().mapToLong(Long::longValue).sum();
		double psi = 0;
		for (K category : new TreeSet<>(categories)) {
			double b = proportion(baseline.getOrDefault(category, 0L), baselineTotal);
			double c = proportion(current.getOrDefault(category, 0L), currentTotal);
			psi += (c - b) * Math.log(c / b);
		}
		return psi;
	}

	private static double proportion(long count, long total) {
		return Math.max((total == 0) ? 0 : (double) count / total, FLOOR);
	}

}
