package dev.provenant.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The lines the load command prints: progress while it runs, then the final table. */
final class LoadReport {

	static final String RATE_LIMIT_HINT = "The per-principal rate limit refused requests (HTTP 429): start Provenant"
			+ " with --provenant.security.rate-limit.requests=0 (or a higher limit) for load runs.";

	private static final String ROW = "%-14s %9s %9s %9s %9s %9s %7s%n";

	private LoadReport() {
	}

	static String progress(Duration elapsed, long requests, double perSecond, long errors) {
		return String.format(Locale.ROOT, "[%4d s] %9d requests, %8.1f/s over the last %d s, %d errors",
				elapsed.toSeconds(), requests, perSecond, LoadRun.PROGRESS_EVERY.toSeconds(), errors);
	}

	static String table(Tally tally, Duration elapsed, int batchSize) {
		double seconds = elapsed.toNanos() / 1e9;
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "%nRan %.1f s; latency from sending a request to reading its whole"
				+ " answer, failed requests included.%n%n", seconds));
		table.append(String.format(Locale.ROOT, ROW, "operation", "requests", "per s", "p50 ms", "p99 ms", "max ms",
				"errors"));
		for (Operation operation : Operation.values()) {
			table.append(row(operation.label(), tally.summary(operation), seconds));
		}
		table.append(row("total", tally.total(), seconds));
		long decisions = tally.recordedDecisions();
		table.append(String.format(Locale.ROOT, "%nRecorded %d decisions (%.1f/s) and %d actions, in batches of %d.%n",
				decisions, decisions / seconds, 2 * decisions, batchSize));
		return table.toString();
	}

	/** The first distinct error messages, and what to do about the rate limit. */
	static String errors(Tally tally) {
		StringBuilder errors = new StringBuilder();
		List<String> first = tally.firstErrors();
		if (!first.isEmpty()) {
			errors.append(String.format("%nFirst distinct errors:%n"));
			first.forEach((message) -> errors.append("  ").append(message).append(System.lineSeparator()));
		}
		if (tally.rateLimited() > 0) {
			errors.append(System.lineSeparator()).append(RATE_LIMIT_HINT).append(System.lineSeparator());
		}
		return errors.toString();
	}

	private static String row(String name, LatencySummary summary, double seconds) {
		boolean measured = summary.count() > 0;
		return String.format(Locale.ROOT, ROW, name, summary.count(),
				String.format(Locale.ROOT, "%.1f", summary.count() / seconds),
				measured ? millis(summary.p50Nanos()) : "-", measured ? millis(summary.p99Nanos()) : "-",
				measured ? millis(summary.maxNanos()) : "-", summary.errors());
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
	}

}
