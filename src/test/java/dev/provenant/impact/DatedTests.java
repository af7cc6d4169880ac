package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatedTests {

	@Test
	void newestFirstComparesInstantsWhateverTheOffsetThenIds() {
		List<AffectedDecision> decisions = new ArrayList<>(List.of(
				new AffectedDecision("b", OffsetDateTime.parse("2026-11-01T10:00:00Z").toInstant(), null),
				new AffectedDecision("a", OffsetDateTime.parse("2026-11-01T11:00:00+01:00").toInstant(), null),
				new AffectedDecision("c", OffsetDateTime.parse("2026-11-01T10:00:00.000000001Z").toInstant(), null),
				new AffectedDecision("d", OffsetDateTime.parse("2026-11-01T09:30:00-01:00").toInstant(), null)));
		decisions.sort(Dated.NEWEST_FIRST);
		assertThat(decisions).extracting(AffectedDecision::id).containsExactly("d", "c", "a", "b");
	}

}
