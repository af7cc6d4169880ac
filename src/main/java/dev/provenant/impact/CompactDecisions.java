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
 * and reads their ids from the index's arena as elements are read ({@link NodeIds}).
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

	private CompactDecisions(NodeIds ids, int size) {
		this.ids = ids;
		this.nodes = new int[size];
		this.seconds = new long[size];
		this.nanos = new int[size];
		this.states = new byte[size];
	}

	/** The decisions among these nodes of the index, ordered newest first. */
	static CompactDecisions of(IndexedGraph graph, int[] decisions) {
		int[] ordered = NewestFirst.sort(graph, decisions.clone());
		CompactDecisions compact = new CompactDecisions(graph.ids(), ordered.length);
		for (int i = 0; i < ordered.length; i++) {
			int node = ordered[i];
			compact.nodes[i] = node;
			compact.seconds[i] = graph.occurredAtSecond(node);
			compact.nanos[i] = graph.occurredAtNano(node);
			ReviewState state = graph.reviewState(node);
			compact.states[i] = (byte) ((state != null) ? state.ordinal() + 1 : 0);
		}
		return compact;
	}

	/** What the arrays weigh, without the ids the index holds anyway. */
	static long footprint(int size) {
		return Footprint.object(5 * Footprint.REFERENCE) + NODE_IDS + Footprint.bytes(4L * size)
				+ Footprint.bytes(8L * size) + Footprint.bytes(4L * size) + Footprint.bytes(size);
	}

	long footprint() {
		return footprint(this.nodes.length);
	}

	/** The ids, in order, read from the index without making records. */
	List<String> ids() {
		return new OrderedIds.OfNodes(this.ids, this.nodes);
	}

	@Override
	public AffectedDecision get(int index) {
		byte state = this.states[index];
		return new AffectedDecision(this.ids.id(this.nodes[index]),
				Instant.ofEpochSecond(this.seconds[index], this.nanos[index]),
				(state != 0) ? STATES[state - 1].name() : null);
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
