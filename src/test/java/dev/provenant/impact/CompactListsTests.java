package dev.provenant.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.provenant.dependency.IndexedGraph;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;
import dev.provenant.support.Retained;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact lists a blast radius keeps from the dependency index read back exactly as
 * the records it used to build, in the same order ({@link Dated#NEWEST_FIRST}, ties on
 * time broken by id), and weigh a fraction of them.
 */
class CompactListsTests {

	private static final int SIZE = 5_000;

	private final Random random = new Random(20261206);

	private final Graph graph = new Graph(SIZE);

	@Test
	void decisionsReadBackAsTheirRecordsNewestFirst() {
		int[] nodes = shuffled();
		List<AffectedDecision> expected = decisions(nodes);

		CompactDecisions compact = CompactDecisions.of(this.graph, nodes);
		assertThat(compact).containsExactlyElementsOf(expected);
		assertThat(compact.count(ReviewState.PENDING))
			.isEqualTo(expected.stream().filter(d -> "PENDING".equals(d.reviewState())).count());
		assertThat(compact.subList(10, 20)).isEqualTo(expected.subList(10, 20));
		assertThat(compact.footprint()).as("bytes kept, against the records'")
			.isLessThan(AnswerFootprint.of(new BlastRadius(null, expected, List.of(), List.of(), null, 0)) / 3);
	}

	@Test
	void actionsReadBackAsTheirRecordsNewestFirst() {
		int[] nodes = shuffled();
		List<AffectedAction> expected = new ArrayList<>();
		for (int node : nodes) {
			List<String> triggers = new ArrayList<>();
			for (int trigger : this.graph.targets(node, EdgeType.TRIGGERED_BY)) {
				triggers.add(this.graph.id(trigger));
			}
			expected.add(new AffectedAction(this.graph.id(node), this.graph.occurredAt(node),
					this.graph.rolledBack(node) ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED,
					this.graph.reversible(node), triggers));
		}
		expected.sort(Dated.NEWEST_FIRST);

		CompactActions compact = CompactActions.of(this.graph, nodes);
		assertThat(compact).containsExactlyElementsOf(expected);
		assertThat(compact.footprint()).as("bytes kept, against the records'")
			.isLessThan(AnswerFootprint.of(new BlastRadius(null, List.of(), expected, List.of(), null, 0)) / 3);
	}

	/**
	 * Times centuries away (the sort keeps a nanosecond key per node, which cannot hold
	 * them) still sort as their records: several share a far second, and only the
	 * nanosecond or the id orders them.
	 */
	@Test
	void timesCenturiesAwaySortAsTheirRecords() {
		for (int node = 0; node < SIZE; node += 3) {
			long far = 10_000_000_000L + this.random.nextInt(5);
			this.graph.seconds[node] = (node % 2 == 0) ? far : -far;
		}
		decisionsReadBackAsTheirRecordsNewestFirst();
	}

	/**
	 * Positions read from the arrays are those read from the records: ids, statuses and
	 * triggers (half the nodes, so that some triggers lie outside the list).
	 */
	@Test
	void actionPositionsReadAsTheRecordsPositions() {
		int[] nodes = Arrays.copyOf(shuffled(), SIZE / 2);
		CompactActions compact = CompactActions.of(this.graph, nodes);
		ActionPositions fromArrays = ActionPositions.of(compact);
		ActionPositions fromRecords = ActionPositions.of(new ArrayList<>(compact));
		assertThat(fromArrays.size()).isEqualTo(fromRecords.size()).isEqualTo(SIZE / 2);
		int outside = 0;
		for (int i = 0; i < fromArrays.size(); i++) {
			assertThat(fromArrays.id(i)).isEqualTo(fromRecords.id(i));
			assertThat(fromArrays.executed(i)).isEqualTo(fromRecords.executed(i));
			assertThat(fromArrays.triggeredBy(i)).containsExactly(fromRecords.triggeredBy(i));
			outside += compact.get(i).triggeredBy().size() - fromArrays.triggeredBy(i).length;
		}
		assertThat(outside).as("triggers left out because they are not in the list").isPositive();
	}

	@Test
	void theirWeightIsWhatTheyKeepOnTheHeapBesideTheIndex() {
		int[] nodes = shuffled();
		CompactDecisions decisions = CompactDecisions.of(this.graph, nodes);
		CompactActions actions = CompactActions.of(this.graph, nodes);
		// the ids are the graph's: only the arrays are new
		long decisionsKept = Retained.bytes(copy -> CompactDecisions.of(this.graph, nodes), 40);
		long actionsKept = Retained.bytes(copy -> CompactActions.of(this.graph, nodes), 40);
		assertThat(decisions.footprint()).isBetween(decisionsKept * 9 / 10, decisionsKept * 2);
		assertThat(actions.footprint()).isBetween(actionsKept * 9 / 10, actionsKept * 2);
	}

	@Test
	void anEmptyOrSingleClosureIsItsOwnOrder() {
		assertThat(CompactDecisions.of(this.graph, new int[0])).isEmpty();
		assertThat(CompactActions.of(this.graph, new int[] { 7 })).extracting(Dated::id)
			.containsExactly(this.graph.id(7));
	}

	/**
	 * A first page orders the newest entries only, not the whole list; a read past them
	 * orders the rest, and the page reads the same before and after.
	 */
	@Test
	void aFirstPageOrdersOnlyTheNewestEntries() {
		int[] nodes = shuffled();
		List<AffectedDecision> expected = decisions(nodes);
		CompactDecisions compact = CompactDecisions.of(this.graph, nodes);
		assertThat(compact.subList(0, 20)).isEqualTo(expected.subList(0, 20));
		assertThat(compact.ids().subList(0, 20))
			.isEqualTo(expected.subList(0, 20).stream().map(AffectedDecision::id).toList());
		assertThat(compact.ordered()).as("entries ordered for a first page").isEqualTo(NewestFirst.FIRST);

		assertThat(compact.get(NewestFirst.FIRST)).isEqualTo(expected.get(NewestFirst.FIRST));
		assertThat(compact.ordered()).as("entries ordered once read past the first").isEqualTo(SIZE);
		assertThat(compact).containsExactlyElementsOf(expected);

		CompactActions actions = CompactActions.of(this.graph, nodes);
		assertThat(actions.get(5).id()).isEqualTo(expected.get(5).id());
		assertThat(actions.ordered()).isEqualTo(NewestFirst.FIRST);
		assertThat(ActionPositions.of(actions).id(NewestFirst.FIRST + 1))
			.isEqualTo(expected.get(NewestFirst.FIRST + 1).id());
		assertThat(actions.ordered()).isEqualTo(SIZE);
	}

	/** A kept answer is read by several requests at once: each reads the same order. */
	@Test
	void requestsReadingOneListAtOnceReadOneOrder() throws Exception {
		int[] nodes = shuffled();
		List<AffectedDecision> expected = decisions(nodes);
		for (int round = 0; round < 20; round++) {
			CompactDecisions compact = CompactDecisions.of(this.graph, nodes);
			ExecutorService readers = Executors.newFixedThreadPool(4);
			try {
				List<Future<List<AffectedDecision>>> reads = new ArrayList<>();
				for (int reader = 0; reader < 4; reader++) {
					int from = (reader % 2 == 0) ? 0 : SIZE - 30;
					reads.add(readers.submit(() -> new ArrayList<>(compact.subList(from, from + 30))));
				}
				for (int reader = 0; reader < 4; reader++) {
					int from = (reader % 2 == 0) ? 0 : SIZE - 30;
					assertThat(reads.get(reader).get()).isEqualTo(expected.subList(from, from + 30));
				}
			}
			finally {
				readers.shutdownNow();
			}
		}
	}

	/** The records of these decisions, newest first. */
	private List<AffectedDecision> decisions(int[] nodes) {
		List<AffectedDecision> expected = new ArrayList<>();
		for (int node : nodes) {
			ReviewState state = this.graph.states[node];
			expected.add(new AffectedDecision(this.graph.id(node), this.graph.occurredAt(node),
					(state != null) ? state.name() : null));
		}
		expected.sort(Dated.NEWEST_FIRST);
		return expected;
	}

	/** Every node once, in a random order. */
	private int[] shuffled() {
		int[] nodes = new int[SIZE];
		for (int i = 0; i < SIZE; i++) {
			nodes[i] = i;
		}
		for (int i = SIZE - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			int swap = nodes[i];
			nodes[i] = nodes[j];
			nodes[j] = swap;
		}
		return nodes;
	}

	/**
	 * Nodes with random facts: times from a few hundred seconds, so that many share one
	 * and only the id orders them, and some share the second but not the nanosecond.
	 */
	private final class Graph implements IndexedGraph {

		final String[] ids;

		final long[] seconds;

		final int[] nanos;

		final ReviewState[] states;

		final boolean[] rolledBack;

		final boolean[] reversible;

		final int[][] triggers;

		Graph(int size) {
			this.ids = new String[size];
			this.seconds = new long[size];
			this.nanos = new int[size];
			this.states = new ReviewState[size];
			this.rolledBack = new boolean[size];
			this.reversible = new boolean[size];
			this.triggers = new int[size][];
			ReviewState[] all = ReviewState.values();
			for (int i = 0; i < size; i++) {
				this.ids[i] = String.format("n%05d", (i * 7919) % 100_000);
				this.seconds[i] = 1_780_000_000L + CompactListsTests.this.random.nextInt(300);
				this.nanos[i] = CompactListsTests.this.random.nextBoolean() ? 0
						: CompactListsTests.this.random.nextInt(3) * 1_000_000;
				int state = CompactListsTests.this.random.nextInt(all.length + 1);
				this.states[i] = (state < all.length) ? all[state] : null;
				this.rolledBack[i] = CompactListsTests.this.random.nextInt(4) == 0;
				this.reversible[i] = CompactListsTests.this.random.nextInt(3) != 0;
				int count = CompactListsTests.this.random.nextInt(3);
				this.triggers[i] = new int[count];
				for (int t = 0; t < count; t++) {
					this.triggers[i][t] = CompactListsTests.this.random.nextInt(size);
				}
			}
		}

		@Override
		public int size() {
			return this.ids.length;
		}

		@Override
		public long edgeCount() {
			return 0;
		}

		@Override
		public int find(String id) {
			return -1;
		}

		@Override
		public String id(int node) {
			return this.ids[node];
		}

		@Override
		public NodeKind kind(int node) {
			return NodeKind.DECISION;
		}

		@Override
		public long occurredAtSecond(int node) {
			return this.seconds[node];
		}

		@Override
		public int occurredAtNano(int node) {
			return this.nanos[node];
		}

		@Override
		public ReviewState reviewState(int node) {
			return this.states[node];
		}

		@Override
		public boolean rolledBack(int node) {
			return this.rolledBack[node];
		}

		@Override
		public boolean reversible(int node) {
			return this.reversible[node];
		}

		@Override
		public int[] targets(int node, EdgeType type) {
			return (type == EdgeType.TRIGGERED_BY) ? this.triggers[node] : new int[0];
		}

		@Override
		public int[] reachAgainst(int[] seeds, Set<EdgeType> types) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int[] reachAlong(int[] seeds, Set<EdgeType> types) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long approximateBytes() {
			return 0;
		}

	}

}
