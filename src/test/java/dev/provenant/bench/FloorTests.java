package dev.provenant.bench;

import dev.provenant.graph.EdgeType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The floor engine's parts on a small hand-made graph. */
class FloorTests {

	/**
	 * 0 source, 1 feature from 0, 2 decision using 1, 3 action executing 2, 4 action
	 * triggered by 3.
	 */
	private final Csr csr = Csr.of(5, new int[] { 1, 2, 3, 4, 4 }, new int[] { 0, 1, 2, 3, 2 },
			new byte[] { type(EdgeType.DERIVED_FROM), type(EdgeType.USED), type(EdgeType.EXECUTES),
					type(EdgeType.TRIGGERED_BY), type(EdgeType.EXECUTES) },
			5);

	private static byte type(EdgeType type) {
		return (byte) type.ordinal();
	}

	@Test
	void reachFollowsTheMaskedTypesInTheAskedDirectionUpToTheDepth() {
		assertThat(this.csr.reach(new int[] { 0 }, FloorEngine.TOWARDS_DECISIONS, true, Integer.MAX_VALUE))
			.containsExactly(0, 1, 2);
		assertThat(this.csr.reach(new int[] { 2 }, FloorEngine.TOWARDS_ACTIONS, true, Integer.MAX_VALUE))
			.containsExactlyInAnyOrder(2, 3, 4);
		assertThat(this.csr.reach(new int[] { 4 }, FloorEngine.ALL_EDGES, false, 1)).containsExactlyInAnyOrder(4, 3, 2);
		assertThat(this.csr.reach(new int[] { 4 }, FloorEngine.ALL_EDGES, false, 3)).containsExactlyInAnyOrder(4, 3, 2,
				1, 0);
	}

	@Test
	void kahnOrderPutsWhatWasTriggeredFirstThenTheLatestThenTheSmallestId() {
		long[] times = { 10, 20, 30, 20 };
		String[] ids = { "a", "b", "c", "d" };
		// b triggered by a; c triggered by b; d on its own
		int[][] triggeredBy = { {}, { 0 }, { 1 }, {} };
		assertThat(KahnOrder.order(times, ids, triggeredBy)).containsExactly(2, 1, 3, 0);
	}

}
