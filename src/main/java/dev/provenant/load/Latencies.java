package dev.provenant.load;

import java.util.Arrays;

/**
 * Every latency of one operation kind, kept whole so that percentiles are exact rather
 * than bucketed; a minute of load is at most a few hundred thousand values.
 */
final class Latencies {

	private long[] nanos = new long[1024];

	private int count;

	private long errors;

	synchronized void record(long latencyNanos, boolean failed) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = latencyNanos;
		if (failed) {
			this.errors++;
		}
	}

	synchronized long errors() {
		return this.errors;
	}

	synchronized long[] values() {
		return Arrays.copyOf(this.nanos, this.count);
	}

}
