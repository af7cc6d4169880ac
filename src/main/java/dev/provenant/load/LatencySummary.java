package dev.provenant.load;

import java.util.Arrays;

/**
 * How one operation kind (or all of them) fared: latencies of every answered request,
 * failed ones included, since a slow error costs a caller as much as a slow answer.
 */
record LatencySummary(long count, long errors, long p50Nanos, long p99Nanos, long maxNanos) {

	static LatencySummary of(long[] nanos, long errors) {
		if (nanos.length == 0) {
			return new LatencySummary(0, errors, 0, 0, 0);
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new LatencySummary(sorted.length, errors, Percentiles.nearestRank(sorted, 50),
				Percentiles.nearestRank(sorted, 99), sorted[sorted.length - 1]);
	}

}
