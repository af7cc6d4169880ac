package dev.provenant.load;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Nearest-rank percentiles: the p-th percentile is the smallest recorded value that at
 * least p percent of the values do not exceed, so it is always a latency that happened.
 */
public final class Percentiles {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percentiles() {
	}

	/**
	 * @param sorted the values, in ascending order, at least one
	 * @param percentile in (0, 100]
	 */
	public static long nearestRank(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("No values to take a percentile of");
		}
		if (!(percentile > 0 && percentile <= 100)) {
			throw new IllegalArgumentException("A percentile lies in (0, 100], not " + percentile);
		}
		// Decimal arithmetic, so that e.g. 7% of 100 is rank 7, not 8 through a binary
		// rounding error.
		int rank = BigDecimal.valueOf(percentile)
			.multiply(BigDecimal.valueOf(sorted.length))
			.divide(HUNDRED, 0, RoundingMode.CEILING)
			.intValueExact();
		return sorted[Math.max(rank, 1) - 1];
	}

}
