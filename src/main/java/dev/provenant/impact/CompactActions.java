package dev.provenant.impact;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import dev.provenant.dependency.IndexedGraph;
import dev.provenant.dependency.NodeIds;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.EdgeType;
import dev.provenant.memory.Footprint;

/**
 * A blast radius' actions from the dependency index, newest first, kept in arrays: an
 * {@link AffectedAction} is made only for an element read. It keeps node numbers, the
 * actions' and their triggers', and reads their ids from the index's arena as elements
 * are read ({@link NodeIds}). The arrays keep the closure's order; the newest-first order
 * is found as far as it is read ({@link NewestFirst}).
 */
final class CompactActions extends AbstractList<AffectedAction> implements RandomAccess {

	private static final int[] NONE = new int[0];

	private static final byte ROLLED_BACK = 1;

	private static final byte REVERSIBLE = 2;

	private final NodeIds ids;

	private final int[] nodes;

	private final long[] seconds;

	private final int[] nanos;

	private final byte[] flags;

	private final int[][] triggeredBy;

	private final NewestFirst order;

	private CompactActions(NodeIds ids, int size) {
		this.ids = ids;
		this.nodes = new int[size];
		this.seconds = new long[size];
		this.nanos = new int[size];
		this.flags = new byte[size];
		this.triggeredBy = new int[size][];
		this.order = new NewestFirst(ids, this.nodes, this.seconds, this.nanos);
	}

	/**
	 * The actions among these nodes of the index, to be read newest first. Their facts
	 * are copied now, under the index's lock: the index changes after.
	 */
	static CompactActions of(IndexedGraph graph, int[] actions) {
		CompactActions compact = new CompactActions(graph.ids(), actions.length);
		for (int i = 0; i < actions.length; i++) {
			int node = actions[i];
			compact.nodes[i] = node;
			compact.seconds[i] = graph.occurredAtSecond(node);
			compact.nanos[i] = graph.occurredAtNano(node);
			compact.flags[i] = (byte) ((graph.rolledBack(node) ? ROLLED_BACK : 0)
					| (graph.reversible(node) ? REVERSIBLE : 0));
			int[] triggers = graph.targets(node, EdgeType.TRIGGERED_BY);
			compact.triggeredBy[i] = (triggers.length > 0) ? triggers : NONE;
		}
		return compact;
	}

	/**
	 * What the arrays weigh for this many actions, with their order once found in full,
	 * without their triggers' arrays ({@link #triggers}) and the ids the index holds
	 * anyway.
	 */
	static long footprint(int size) {
		return Footprint.object(7 * Footprint.REFERENCE) + CompactDecisions.NODE_IDS + Footprint.bytes(4L * size)
				+ Footprint.bytes(8L * size) + Footprint.bytes(4L * size) + Footprint.bytes(size)
				+ Footprint.references(size) + NewestFirst.footprint(size);
	}

	/** One action's array of this many triggers. */
	static long triggers(int count) {
		return (count > 0) ? Footprint.bytes(4L * count) : 0;
	}

	long footprint() {
		long bytes = footprint(this.nodes.length);
		for (int[] triggers : this.triggeredBy) {
			bytes += triggers(triggers.length);
		}
		return bytes;
	}

	/** These actions by position, for ordering them without an object per action. */
	ActionPositions positions() {
		int[] positions = this.order.positions();
		int[] ordered = new int[positions.length];
		for (int i = 0; i < positions.length; i++) {
			ordered[i] = this.nodes[positions[i]];
		}
		return new Positions(positions, new NodePositions(ordered));
	}

	/** The ids, in order, read from the index without making records. */
	List<String> ids() {
		return new OrderedIds.OfNodes(this.ids, this.nodes, this.order);
	}

	@Override
	public AffectedAction get(int index) {
		int at = this.order.position(index);
		byte flag = this.flags[at];
		int[] triggers = this.triggeredBy[at];
		List<String> triggerIds = new ArrayList<>(triggers.length);
		for (int trigger : triggers) {
			triggerIds.add(this.ids.id(trigger));
		}
		return new AffectedAction(this.ids.id(this.nodes[at]), Instant.ofEpochSecond(this.seconds[at], this.nanos[at]),
				((flag & ROLLED_BACK) != 0) ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED,
				(flag & REVERSIBLE) != 0, List.copyOf(triggerIds));
	}

	@Override
	public int size() {
		return this.nodes.length;
	}

	@Override
	public List<AffectedAction> subList(int fromIndex, int toIndex) {
		this.order.orderFirst(toIndex);
		return super.subList(fromIndex, toIndex);
	}

	/** How many of the actions are ordered so far. */
	int ordered() {
		return this.order.found();
	}

	/**
	 * Positions in the newest-first list, read from the arrays through the order;
	 * triggers found through a table of node numbers.
	 */
	private final class Positions implements ActionPositions {

		/** Index in the arrays by position in the list. */
		private final int[] order;

		private final NodePositions positions;

		Positions(int[] order, NodePositions positions) {
			this.order = order;
			this.positions = positions;
		}

		@Override
		public List<AffectedAction> actions() {
			return CompactActions.this;
		}

		@Override
		public String id(int position) {
			return CompactActions.this.ids.id(CompactActions.this.nodes[this.order[position]]);
		}

		@Override
		public boolean executed(int position) {
			return (CompactActions.this.flags[this.order[position]] & ROLLED_BACK) == 0;
		}

		@Override
		public int[] triggeredBy(int position) {
			int[] triggers = CompactActions.this.triggeredBy[this.order[position]];
			if (triggers.length == 0) {
				return NONE;
			}
			int[] found = new int[triggers.length];
			int count = 0;
			for (int trigger : triggers) {
				int at = this.positions.of(trigger);
				if (at >= 0) {
					found[count++] = at;
				}
			}
			return (count == found.length) ? found : Arrays.copyOf(found, count);
		}

		@Override
		public long footprint() {
			return this.positions.footprint();
		}

	}

}
