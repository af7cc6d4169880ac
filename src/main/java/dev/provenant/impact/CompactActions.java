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
 * are read ({@link NodeIds}).
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

	private CompactActions(NodeIds ids, int size) {
		this.ids = ids;
		this.nodes = new int[size];
		this.seconds = new long[size];
		this.nanos = new int[size];
		this.flags = new byte[size];
		this.triggeredBy = new int[size][];
	}

	/** The actions among these nodes of the index, ordered newest first. */
	static CompactActions of(IndexedGraph graph, int[] actions) {
		int[] ordered = NewestFirst.sort(graph, actions.clone());
		CompactActions compact = new CompactActions(graph.ids(), ordered.length);
		for (int i = 0; i < ordered.length; i++) {
			int node = ordered[i];
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
	 * What the arrays weigh for this many actions, without their triggers' arrays
	 * ({@link #triggers}) and the ids the index holds anyway.
	 */
	static long footprint(int size) {
		return Footprint.object(6 * Footprint.REFERENCE) + CompactDecisions.NODE_IDS + Footprint.bytes(4L * size)
				+ Footprint.bytes(8L * size) + Footprint.bytes(4L * size) + Footprint.bytes(size)
				+ Footprint.references(size);
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
		return new Positions(new NodePositions(this.nodes));
	}

	/** The ids, in order, read from the index without making records. */
	List<String> ids() {
		return new OrderedIds.OfNodes(this.ids, this.nodes);
	}

	@Override
	public AffectedAction get(int index) {
		byte flag = this.flags[index];
		int[] triggers = this.triggeredBy[index];
		List<String> triggerIds = new ArrayList<>(triggers.length);
		for (int trigger : triggers) {
			triggerIds.add(this.ids.id(trigger));
		}
		return new AffectedAction(this.ids.id(this.nodes[index]),
				Instant.ofEpochSecond(this.seconds[index], this.nanos[index]),
				((flag & ROLLED_BACK) != 0) ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED,
				(flag & REVERSIBLE) != 0, List.copyOf(triggerIds));
	}

	@Override
	public int size() {
		return this.nodes.length;
	}

	/** Positions read from the arrays; triggers found through a table of node numbers. */
	private final class Positions implements ActionPositions {

		private final NodePositions positions;

		Positions(NodePositions positions) {
			this.positions = positions;
		}

		@Override
		public List<AffectedAction> actions() {
			return CompactActions.this;
		}

		@Override
		public String id(int position) {
			return CompactActions.this.ids.id(CompactActions.this.nodes[position]);
		}

		@Override
		public boolean executed(int position) {
			return (CompactActions.this.flags[position] & ROLLED_BACK) == 0;
		}

		@Override
		public int[] triggeredBy(int position) {
			int[] triggers = CompactActions.this.triggeredBy[position];
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
