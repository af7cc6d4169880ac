package dev.provenant.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementTests {

	@Test
	void aP99NeedsOneHundredSamples() {
		long[] oneToHundredMs = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
		Measurement hundred = Measurement.ofNanos(oneToHundredMs);
		assertThat(hundred.samples()).isEqualTo(100);
		assertThat(hundred.p50()).isEqualTo(50.0);
		assertThat(hundred.p99()).isEqualTo(99.0);

		Measurement ninetyNine = Measurement.ofNanos(LongStream.rangeClosed(1, 99).map(ms -> ms * 1_000_000).toArray());
		assertThat(ninetyNine.samples()).isEqualTo(99);
		assertThat(ninetyNine.p50()).isEqualTo(50.0);
		assertThat(ninetyNine.p99()).isNull();
	}

	@Test
	void aQuickQueryIsTimedUntilItHasTheSamplesAskedFor() {
		AtomicInteger calls = new AtomicInteger();
		Measurement measured = Measurement.of(calls::incrementAndGet, 100, Duration.ZERO, Duration.ofSeconds(30));
		assertThat(measured.samples()).isEqualTo(100);
		assertThat(measured.p99()).isNotNull();
		// two untimed warm-up calls first
		assertThat(calls.get()).isEqualTo(102);
	}

	@Test
	void theBudgetStopsASlowQueryShortOfTheSamplesButAfterThree() {
		Measurement measured = Measurement.of(() -> {
			sleep(20);
			return null;
		}, 100, Duration.ZERO, Duration.ofMillis(1));
		assertThat(measured.samples()).isEqualTo(3);
		assertThat(measured.p50()).isGreaterThanOrEqualTo(20.0);
		assertThat(measured.p99()).isNull();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
