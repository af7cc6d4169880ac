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
	 * Runs {@code work} untimed for {@code warmUp} and at least twice, so that it is
	 * timed warm (its code compiled, its data in caches), then up to {@code runs} times
	 * within the budget.
	 */
	static Measurement of(Supplier<?> work, int runs, Duration warmUp, Duration budget) {
		long warm = System.nanoTime() + warmUp.toNanos();
		for (int i = 0; i < WARM_UP || System.nanoTime() < warm; i++) {
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
