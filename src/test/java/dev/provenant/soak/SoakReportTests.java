package dev.provenant.soak;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The soak's trend: a steady rise is found, one noisy minute is not taken for one. */
class SoakReportTests {

	private static final long MIB = 1 << 20;

	@Test
	void aHeapThatRisesEveryMinuteIsARise() {
		assertThat(SoakReport.slope(minutes(160, 168, 176, 184, 192)) / MIB).isEqualTo(8.0);
		assertThat(SoakReport.slope(minutes(160, 170, 175, 186, 190)) / MIB).isGreaterThan(6.0);
	}

	@Test
	void oneMinuteCaughtWithAnswersInFlightIsNotATrend() {
		// The soak run whose least-squares slope (5.2 MiB a minute) failed it: flat at
		// 165 but for minute 9.
		assertThat(SoakReport.slope(minutes(164, 166, 165, 192, 177)) / MIB).isLessThan(4.0);
		assertThat(SoakReport.slope(minutes(165, 165, 165, 165, 165))).isZero();
	}

	private static List<SoakReport.Minute> minutes(long... mib) {
		List<SoakReport.Minute> minutes = new ArrayList<>();
		for (int i = 0; i < mib.length; i++) {
			minutes.add(new SoakReport.Minute(6 + i, 50, mib[i] * MIB, mib[i] * MIB, 0, 0, 0.05));
		}
		return minutes;
	}

}
