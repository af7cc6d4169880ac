package dev.provenant.impact;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeWindowTests {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");

	@Test
	void fromIsInclusiveToIsExclusiveToTheNanosecondAndOpenSidesHoldEverything() {
		OffsetDateTime at = OffsetDateTime.parse("2026-03-01T11:00:00.123456789+01:00");
		assertThat(new TimeWindow(at, null).contains(AT)).isTrue();
		assertThat(new TimeWindow(null, at).contains(AT)).isFalse();
		assertThat(new TimeWindow(at.plusNanos(1), null).contains(AT)).isFalse();
		assertThat(new TimeWindow(null, at.plusNanos(1)).contains(AT)).isTrue();
		assertThat(new TimeWindow(null, null).contains(AT)).isTrue();
	}

	/**
	 * The window's instants answer as the window does, for times on either side of each
	 * bound.
	 */
	@Test
	void itsInstantsAnswerAsTheWindowDoes() {
		OffsetDateTime at = OffsetDateTime.parse("2026-03-01T11:00:00.123456789+01:00");
		TimeWindow[] windows = { new TimeWindow(at, null), new TimeWindow(null, at),
				new TimeWindow(at, at.plusSeconds(2)), new TimeWindow(at.plusNanos(1), at.plusSeconds(1)),
				new TimeWindow(null, null) };
		long[] offsets = { -1_000_000_001L, -1, 0, 1, 999_999_999L, 1_000_000_000L, 2_000_000_000L, 2_000_000_001L };
		for (TimeWindow window : windows) {
			TimeWindow.Instants instants = window.instants();
			for (long offset : offsets) {
				Instant time = AT.plusNanos(offset);
				assertThat(instants.contains(time.getEpochSecond(), time.getNano())).as("%s in %s", time, window)
					.isEqualTo(window.contains(time));
			}
		}
	}

}
