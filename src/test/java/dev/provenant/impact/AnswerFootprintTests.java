package dev.provenant.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.Decision;
import dev.provenant.support.Retained;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weight the blast-radius cache and the answer limit go by, held to what a radius
 * really keeps on the heap: never less, and not more than twice.
 */
class AnswerFootprintTests {

	private static final int DECISIONS = 2000;

	@Test
	void aRadiusWeighsWhatItKeepsOnTheHeap() {
		long estimated = AnswerFootprint.of(radius(0));
		long measured = Retained.bytes(AnswerFootprintTests::radius, 40);
		assertThat(estimated).isBetween(measured * 9 / 10, measured * 2);
	}

	/** As Cypher builds one: every id a string of its own, as long as real ones. */
	private static BlastRadius radius(int copy) {
		List<AffectedDecision> decisions = new ArrayList<>(DECISIONS);
		List<AffectedAction> actions = new ArrayList<>(2 * DECISIONS);
		for (int i = 0; i < DECISIONS; i++) {
			String decision = "load-1r7t91zvf9y87:dec:" + copy + "-" + i;
			decisions.add(new AffectedDecision(decision, Instant.ofEpochSecond(1_700_000_000L + i, i), null));
			String notify = "load-1r7t91zvf9y87:act:" + copy + "-" + i + "-notify";
			actions.add(new AffectedAction(notify, Instant.ofEpochSecond(1_700_000_001L + i, i), ActionStatus.EXECUTED,
					true, new ArrayList<>(0)));
			List<String> triggers = new ArrayList<>(1);
			triggers.add("load-1r7t91zvf9y87:act:" + copy + "-" + i + "-notify");
			actions.add(new AffectedAction("load-1r7t91zvf9y87:act:" + copy + "-" + i + "-update",
					Instant.ofEpochSecond(1_700_000_002L + i, i), ActionStatus.EXECUTED, false, triggers));
		}
		Decision root = null;
		return new BlastRadius(root, List.copyOf(decisions), List.copyOf(actions), List.of(), null, -1);
	}

}
