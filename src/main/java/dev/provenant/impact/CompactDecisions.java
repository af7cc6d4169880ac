package dev.provenant.impact;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import dev.provenant.dependency.IndexedGraph;
import dev.provenant.dependency.NodeIds;
import dev.provenant.graph.ReviewState;
import dev.provenant.memory.Footprint;

/**
 * A blast radius' decisions from the dependency index, newest first, kept in arrays: an
 * {@link AffectedDecision} is made only for an element read, so a client reading a page
 * of a 50,000-decision answer makes a page of records, not 50,000. It keeps node numbers,
 * and reads their ids from the index's arena as elements are read ({@link NodeIds}). The
 * arrays keep the closure's order; the newest-first order is found as far as it is read
 * ({@link NewestFirst}).
 */
final class CompactDecisions extends AbstractList<AffectedDecision> implements RandomAccess {

	private static final ReviewState[] STATES = ReviewState.values();

	/** The view of the index's ids an answer keeps: an object holding two references. */
	static final long NODE_IDS = Footprint.object(2 * Footprint.REFERENCE);

	private final NodeIds ids;

	private final int[] nodes;

	private final long[] seconds;

	private final int[] nanos;

	/** The review state's ordinal plus one; 0 for none. */
	private final byte[] states;

	private final NewestFirst order;

	private CompactDecisions(NodeIds ids, int size) {
		this.ids = ids;
		this.nodes = new int[size];
		this.seconds = new long[size];
		this.nanos = new int[size];
		this.states = new byte[size];
		this.order = new NewestFirst(ids, this.nodes, this.seconds, this.nanos);
	}

	/**
	 * The decisions among these nodes of the index, to be read newest first. Their facts
	 * are copied now, under the index's lock: the index changes after.
	 */
	static CompactDecisions of(IndexedGraph graph, int[] decisions) {
		CompactDecisions compact = new CompactDecisions(graph.ids(), decisions.length);
		for (int i = 0; i < decisions.length; i++) {
			int node = decisions[i];
			compact.nodes[i] = node;
			compact.seconds[i] = graph.occurredAtSecond(node);
			compact.nanos[i] = graph.occurredAtNano(node);
			ReviewState state = graph.reviewState(node);
			compact.states[i] = (byte) ((state != null) ? state.ordinal() + 1 : 0);
		}
		return compact;
	}

	/**
	 * What the arrays weigh, with their order once found in full, without the ids the
	 * index holds anyway.
	 */
	static long footprint(int size) {
		return Footprint.object(6 * Footprint.REFERENCE) + NODE_IDS + Footprint.bytes(4L * size)
				+ Footprint.bytes(8L * size) + Footprint.bytes(4L * size) + Footprint.bytes(size)
				+ NewestFirst.footprint(size);
	}

	long footprint() {
		return footprint(this.nodes.length);
	}

	/** The ids, in order, read from the index without making records. */
	List<String> ids() {
		return new OrderedIds.OfNodes(this.ids, this.nodes, this.order);
	}

	@Override
	public AffectedDecision get(int index) {
		int at = this.order.position(index);
		byte state = this.states[at];
		return new AffectedDecision(this.ids.id(this.nodes[at]),
				Instant.ofEpochSecond(this.seconds[at], this.nanos[at]),
				(state != 0) ? STATES[state - 1].name() : null);
	}

	@Override
	public List<AffectedDecision> subList(int fromIndex, int toIndex) {
		this.order.orderFirst(toIndex);
		return super.subList(fromIndex, toIndex);
	}

	/** How many of the decisions are ordered so far. */
	int ordered() {
		return this.order.found();
	}

	/** Without making records. */
	int count(ReviewState state) {
		int count = 0;
		for (byte value : this.states) {
			if (value == state.ordinal() + 1) {
				count++;
			}
		}
		return count;
	}

	@Override
	public int size() {
		return this.nodes.length;
	}

}
