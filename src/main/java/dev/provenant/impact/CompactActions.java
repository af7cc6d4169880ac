package dev.provenant.impact;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import dev.provenant.dependency.IndexedGraph;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.EdgeType;
import dev.provenant.memory.Footprint;

/**
 * A blast radius' actions from the dependency index, newest first, kept in arrays: an
 * {@link AffectedAction} is made only for an element read. The ids, the actions' and
 * their triggers', are the index's own strings, shared, not copied.
 */
final class CompactActions extends AbstractList<AffectedAction> implements RandomAccess {

	private static final String[] NONE = new String[0];

	private static final byte ROLLED_BACK = 1;

	private static final byte REVERSIBLE = 2;

	private final String[] ids;

	private final long[] seconds;

	private final int[] nanos;

	private final byte[] flags;

	private final String[][] triggeredBy;

	private CompactActions(int size) {
		this.ids = new String[size];
		this.seconds = new long[size];
		this.nanos = new int[size];
		this.flags = new byte[size];
		this.triggeredBy = new String[size][];
	}

	/** The actions among these nodes of the index, ordered newest first. */
	static CompactActions of(IndexedGraph graph, int[] actions) {
		int[] ordered = NewestFirst.sort(graph, actions.clone());
		CompactActions compact = new CompactActions(ordered.length);
		for (int i = 0; i < ordered.length; i++) {
			int node = ordered[i];
			compact.ids[i] = graph.id(node);
			compact.seconds[i] = graph.occurredAtSecond(node);
			compact.nanos[i] = graph.occurredAtNano(node);
			compact.flags[i] = (byte) ((graph.rolledBack(node) ? ROLLED_BACK : 0)
					| (graph.reversible(node) ? REVERSIBLE : 0));
			int[] triggers = graph.targets(node, EdgeType.TRIGGERED_BY);
			String[] triggerIds = (triggers.length > 0) ? new String[triggers.length] : NONE;
			for (int t = 0; t < triggers.length; t++) {
				triggerIds[t] = graph.id(triggers[t]);
			}
			compact.triggeredBy[i] = triggerIds;
		}
		return compact;
	}

	/**
	 * What the arrays weigh for this many actions, without their triggers' arrays
	 * ({@link #triggers}) and the ids the index holds anyway.
	 */
	static long footprint(int size) {
		return Footprint.object(5 * Footprint.REFERENCE) + Footprint.references(size) + Footprint.bytes(8L * size)
				+ Footprint.bytes(4L * size) + Footprint.bytes(size) + Footprint.references(size);
	}

	/** One action's array of this many triggers. */
	static long triggers(int count) {
		return (count > 0) ? Footprint.references(count) : 0;
	}

	long footprint() {
		long bytes = footprint(this.ids.length);
		for (String[] ids : this.triggeredBy) {
			bytes += triggers(ids.length);
		}
		return bytes;
	}

	@Override
	public AffectedAction get(int index) {
		byte flag = this.flags[index];
		return new AffectedAction(this.ids[index], Instant.ofEpochSecond(this.seconds[index], this.nanos[index]),
				((flag & ROLLED_BACK) != 0) ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED,
				(flag & REVERSIBLE) != 0, List.of(this.triggeredBy[index]));
	}

	@Override
	public int size() {
		return this.ids.length;
	}

}
