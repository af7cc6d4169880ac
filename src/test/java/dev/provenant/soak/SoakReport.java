package dev.provenant.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.provenant.soak.MemorySoak.Sample;

/**
 * A soak run's figures per minute, and the three numbers it is judged by.
 *
 * @param minutes one row per minute of load
 * @param maxHeap the service's {@code -Xmx}, in bytes
 * @param growthBytes how much the live heap less the index rose across the last half: the
 * Theil–Sen slope of the per-minute figures (the median of the slopes between every two
 * minutes), times the half's length
 * @param gcShare collection pauses over the run's wall time
 * @param firstMinuteThroughput requests answered per second in the first minute
 * @param lastMinuteThroughput the same in the last minute
 */
record SoakReport(List<Minute> minutes, long maxHeap, long growthBytes, double gcShare, double firstMinuteThroughput,
		double lastMinuteThroughput) {

	/** What the last half may add beyond the index: 5% of the heap. */
	long allowedGrowthBytes() {
		return this.maxHeap / 20;
	}

	/**
	 * One minute of the run.
	 *
	 * @param minute 1 for the first
	 * @param throughput requests answered per second
	 * @param liveLow the live heap: the least the minute's full collections left, else
	 * the lowest heap after GC seen
	 * @param beyondIndexLow the same less the index
	 * @param index the index's weight at the minute's end
	 * @param caches the caches' weight at the minute's end
	 * @param gcShare collection pauses over the minute
	 */
	record Minute(int minute, double throughput, long liveLow, long beyondIndexLow, long index, long caches,
			double gcShare) {
	}

	static SoakReport of(List<Sample> samples, Map<Long, Long> progress, Duration duration, long maxHeap) {
		int count = (int) Math.max(1, duration.toMinutes());
		List<Minute> minutes = new ArrayList<>();
		for (int m = 1; m <= count; m++) {
			long from = (m - 1) * 60L;
			long to = m * 60L;
			List<Sample> in = samples.stream().filter(s -> s.seconds() > from && s.seconds() <= to).toList();
			if (in.isEmpty()) {
				continue;
			}
			Sample last = in.get(in.size() - 1);
			Sample before = samples.stream().filter(s -> s.seconds() <= from).reduce((a, b) -> b).orElse(in.get(0));
			double pauses = last.gcPauseSeconds() - before.gcPauseSeconds();
			List<Sample> exact = in.stream().filter(Sample::afterFullGc).toList();
			List<Sample> lows = exact.isEmpty() ? in : exact;
			minutes.add(new Minute(m, throughput(progress, from, to),
					lows.stream().mapToLong(Sample::live).min().orElseThrow(),
					lows.stream().mapToLong(Sample::beyondIndex).min().orElseThrow(), last.index(), last.caches(),
					pauses / Math.max(1, last.seconds() - before.seconds())));
		}
		List<Minute> lastHalf = minutes.subList(minutes.size() / 2, minutes.size());
		long growth = (long) (slope(lastHalf) * lastHalf.size());
		Sample first = samples.get(0);
		Sample end = samples.get(samples.size() - 1);
		double gcShare = (end.gcPauseSeconds() - first.gcPauseSeconds()) / Math.max(1, end.seconds() - first.seconds());
		return new SoakReport(minutes, maxHeap, growth, gcShare, minutes.get(0).throughput(),
				minutes.get(minutes.size() - 1).throughput());
	}

	/** Requests answered per second between two points of the load command's progress. */
	private static double throughput(Map<Long, Long> progress, long from, long to) {
		long start = at(progress, from);
		long end = at(progress, to);
		return (end - start) / (double) (to - from);
	}

	/** Requests answered by the last progress line at or before {@code seconds}. */
	private static long at(Map<Long, Long> progress, long seconds) {
		long requests = 0;
		for (Map.Entry<Long, Long> line : progress.entrySet()) {
			if (line.getKey() <= seconds) {
				requests = line.getValue();
			}
		}
		return requests;
	}

	/**
	 * The Theil–Sen slope of the minutes' heap less the index, in bytes per minute: the
	 * median of the slopes between every two minutes. A leak raises every pair; one
	 * minute whose collections happened to run while large answers were in flight (the
	 * figure moves by ±25 MiB with them, docs/memory.md) raises only the pairs it is in,
	 * which a least- squares fit would let decide the trend alone.
	 */
	static double slope(List<Minute> minutes) {
		List<Double> slopes = new ArrayList<>();
		for (int i = 0; i < minutes.size(); i++) {
			for (int j = i + 1; j < minutes.size(); j++) {
				Minute a = minutes.get(i);
				Minute b = minutes.get(j);
				slopes.add((b.beyondIndexLow() - a.beyondIndexLow()) / (double) (b.minute() - a.minute()));
			}
		}
		if (slopes.isEmpty()) {
			return 0;
		}
		slopes.sort(Double::compare);
		int n = slopes.size();
		return (n % 2 == 1) ? slopes.get(n / 2) : (slopes.get(n / 2 - 1) + slopes.get(n / 2)) / 2;
	}

	String markdown() {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT,
				"Soak: -Xmx%d MiB; GC pauses %.1f%% of the run; throughput last minute %.1f/s, first %.1f/s (%.0f%%); "
						+ "live heap less the index rose %d MiB across the last half (allowed %d MiB)%n%n",
				this.maxHeap >> 20, 100 * this.gcShare, this.lastMinuteThroughput, this.firstMinuteThroughput,
				100 * this.lastMinuteThroughput / Math.max(1e-9, this.firstMinuteThroughput), this.growthBytes >> 20,
				allowedGrowthBytes() >> 20));
		table.append("| minute | requests/s | live heap (MiB) | less the index (MiB) | index (MiB) "
				+ "| caches (MiB) | GC pauses |\n");
		table.append("|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Minute minute : this.minutes) {
			table.append(String.format(Locale.ROOT, "| %d | %.1f | %d | %d | %d | %d | %.1f%% |%n", minute.minute(),
					minute.throughput(), minute.liveLow() >> 20, minute.beyondIndexLow() >> 20, minute.index() >> 20,
					minute.caches() >> 20, 100 * minute.gcShare()));
		}
		return table.toString();
	}

	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("maxHeapBytes", this.maxHeap);
		json.put("gcShare", this.gcShare);
		json.put("firstMinuteThroughput", this.firstMinuteThroughput);
		json.put("lastMinuteThroughput", this.lastMinuteThroughput);
		json.put("growthBytes", this.growthBytes);
		json.put("allowedGrowthBytes", allowedGrowthBytes());
		json.put("minutes", this.minutes);
		return json;
	}

}
