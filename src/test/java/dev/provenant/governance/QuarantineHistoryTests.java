package dev.provenant.governance;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

/** Histories written before the principal was called actor read the same. */
class QuarantineHistoryTests {

	@Test
	void anEntryThatNamesThePrincipalByReadsAsItsActor() {
		List<Quarantine.Event> history = QuarantineService.history(Values.value(List.of(
				"{\"action\":\"QUARANTINE\",\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ops\",\"reason\":\"drift\"}",
				"{\"action\":\"RELEASE\",\"at\":\"2026-11-26T10:00:00Z\",\"actor\":\"sre\",\"reason\":\"fixed\","
						+ "\"note\":\"INC-9\"}")));
		assertThat(history).extracting(Quarantine.Event::actor).containsExactly("ops", "sre");
		assertThat(history).extracting(Quarantine.Event::note).containsExactly(null, "INC-9");
		assertThat(history).extracting(Quarantine.Event::action)
			.containsExactly(Quarantine.Action.QUARANTINE, Quarantine.Action.RELEASE);
	}

}
