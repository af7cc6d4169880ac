package dev.provenant.load;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentilesTests {

	private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

	@Test
	void thePercentileIsTheValueAtTheNearestRankAbove() {
		assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 50)).isEqualTo(50);
		assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99)).isEqualTo(99);
		assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 100)).isEqualTo(100);
		assertThat(Percentiles.nearestRank(new long[] { 10, 20, 30, 40 }, 50)).isEqualTo(20);
		assertThat(Percentiles.nearestRank(new long[] { 10, 20, 30, 40, 50 }, 50)).isEqualTo(30);
	}

	@Test
	void aRankFallingBetweenValuesRoundsUp() {
		assertThat(Percentiles.nearestRank(new long[] { 10, 20, 30 }, 50)).isEqualTo(20);
		assertThat(Percentiles.nearestRank(new long[] { 10, 20, 30 }, 99)).isEqualTo(30);
		assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99.5)).isEqualTo(100);
		assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 0.1)).isEqualTo(1);
	}

	@Test
	void exactRanksAreNotPushedUpByBinaryRounding() {
		// 0.07 * 100 is 7.000000000000001 in binary floating point.
		assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 7)).isEqualTo(7);
		long[] thousand = LongStream.rangeClosed(1, 1000).toArray();
		assertThat(Percentiles.nearestRank(thousand, 99.9)).isEqualTo(999);
	}

	@Test
	void aSingleValueIsEveryPercentile() {
		assertThat(Percentiles.nearestRank(new long[] { 42 }, 1)).isEqualTo(42);
		assertThat(Percentiles.nearestRank(new long[] { 42 }, 50)).isEqualTo(42);
		assertThat(Percentiles.nearestRank(new long[] { 42 }, 100)).isEqualTo(42);
	}

	@Test
	void noValuesOrAPercentileOutsideZeroToHundredIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.nearestRank(new long[0], 50))
			.withMessage("No values to take a percentile of");
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0))
			.withMessage("A percentile lies in (0, 100], not 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 100.5));
	}

	@Test
	void aSummaryReportsMedianTailAndMaximumOfUnsortedLatencies() {
		long[] shuffled = { 70, 10, 100, 40, 20, 90, 30, 60, 50, 80 };
		LatencySummary summary = LatencySummary.of(shuffled, 2);
		assertThat(summary).isEqualTo(new LatencySummary(10, 2, 50, 100, 100));
		assertThat(shuffled[0]).as("the caller's array is left as it was").isEqualTo(70);
	}

	@Test
	void aSummaryOfNoRequestsIsAllZeros() {
		assertThat(LatencySummary.of(new long[0], 0)).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
	}

}
