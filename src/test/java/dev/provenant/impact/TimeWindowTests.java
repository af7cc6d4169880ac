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

}
