package dev.provenant.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import dev.provenant.load.Percentiles;

/**
 * Latencies of one query on one engine: median and p99, nearest rank, in milliseconds.
 */
record Measurement(int runs, double p50, double p99) {

	private static final int WARM_UP = 2;

	private static final int MIN_RUNS = 3;

	/**
	 * Runs {@code work} twice to warm up, then up to {@code runs} times within the
	 * budget.
	 */
	static Measurement of(Supplier<?> work, int runs, Duration budget) {
		for (int i = 0; i < WARM_UP; i++) {
			work.get();
		}
		long[] nanos = new long[runs];
		long deadline = System.nanoTime() + budget.toNanos();
		int done = 0;
		while (done < runs && (done < MIN_RUNS || System.nanoTime() < deadline)) {
			long start = System.nanoTime();
			work.get();
			nanos[done++] = System.nanoTime() - start;
		}
		long[] sorted = Arrays.copyOf(nanos, done);
		Arrays.sort(sorted);
		return new Measurement(done, Percentiles.nearestRank(sorted, 50) / 1e6,
				Percentiles.nearestRank(sorted, 99) / 1e6);
	}

}
