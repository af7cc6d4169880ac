package dev.provenant.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import dev.provenant.load.Percentiles;

/**
 * Latencies of one query on one engine: how many samples were timed, their median and
 * their 99th percentile (nearest rank), in milliseconds. The 99th percentile is
 * {@code null} below {@value #SAMPLES_FOR_P99} samples: with fewer it is the slowest
 * sample or next to it, a figure of one outlier rather than of a tail.
 */
record Measurement(int samples, double p50, Double p99) {

	static final int SAMPLES_FOR_P99 = 100;

	private static final int WARM_UP = 2;

	private static final int MIN_SAMPLES = 3;

	/**
	 * Runs {@code work} untimed for {@code warmUp} and at least twice, so that it is
	 * timed warm (its code compiled, its data in caches), then times it until it has
	 * {@code samples} samples or the budget is spent, and at least three times.
	 */
	static Measurement of(Supplier<?> work, int samples, Duration warmUp, Duration budget) {
		long warm = System.nanoTime() + warmUp.toNanos();
		for (int i = 0; i < WARM_UP || System.nanoTime() < warm; i++) {
			work.get();
		}
		long[] nanos = new long[Math.max(samples, MIN_SAMPLES)];
		long deadline = System.nanoTime() + budget.toNanos();
		int done = 0;
		while (done < nanos.length && (done < MIN_SAMPLES || (done < samples && System.nanoTime() < deadline))) {
			long start = System.nanoTime();
			work.get();
			nanos[done++] = System.nanoTime() - start;
		}
		return ofNanos(Arrays.copyOf(nanos, done));
	}

	/** The figures of latencies already taken, in nanoseconds, at least one. */
	static Measurement ofNanos(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		Double p99 = (sorted.length < SAMPLES_FOR_P99) ? null : Percentiles.nearestRank(sorted, 99) / 1e6;
		return new Measurement(sorted.length, Percentiles.nearestRank(sorted, 50) / 1e6, p99);
	}

}
