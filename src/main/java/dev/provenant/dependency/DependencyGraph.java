package dev.provenant.dependency;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;

/**
 * Nodes numbered densely from 0, each with the few facts closures and orderings need, its
 * id in an arena of UTF-8 bytes ({@link IdArena}) and its edges in both directions as
 * compressed rows ({@link Edges}): about a third of the heap a map of strings and an
 * array per node took (ADR 15). Edges are only ever added: Provenant never deletes a
 * recorded edge. Not thread-safe: {@link DependencyIndex} guards it.
 */
final class DependencyGraph implements IndexedGraph {

	private static final int INITIAL_CAPACITY = 1024;

	private static final NodeKind[] KINDS = NodeKind.values();

	private static final ReviewState[] REVIEW_STATES = ReviewState.values();

	/** A state byte: the review state's ordinal + 1 in the low bits (0 = none). */
	private static final int REVIEW_MASK = 0x07;

	private static final int ROLLED_BACK = 0x08;

	private static final int IRREVERSIBLE = 0x10;

	private final IdArena ids = new IdArena();

	private final Edges edges = new Edges();

	private byte[] kinds = new byte[INITIAL_CAPACITY];

	private byte[] states = new byte[INITIAL_CAPACITY];

	private long[] seconds = new long[INITIAL_CAPACITY];

	private int[] nanos = new int[INITIAL_CAPACITY];

	/** The node's number, adding it when it is new. */
	int add(String id, NodeKind kind) {
		int size = this.ids.size();
		int node = this.ids.add(id);
		if (node == size) {
			if (node == this.kinds.length) {
				grow();
			}
			this.kinds[node] = (byte) kind.ordinal();
		}
		return node;
	}

	/**
	 * What can change on a stored node: its review state and whether it was rolled back.
	 */
	void setFacts(int node, Instant occurredAt, ReviewState reviewState, boolean rolledBack, boolean reversible) {
		if (occurredAt != null) {
			this.seconds[node] = occurredAt.getEpochSecond();
			this.nanos[node] = occurredAt.getNano();
		}
		int state = (reviewState == null) ? 0 : reviewState.ordinal() + 1;
		state |= rolledBack ? ROLLED_BACK : 0;
		state |= reversible ? 0 : IRREVERSIBLE;
		this.states[node] = (byte) state;
	}

	/** Adds the edge unless it is stored already; both ends must have been added. */
	void addEdge(int from, EdgeType type, int to) {
		this.edges.add(from, type.ordinal(), to);
	}

	/** Whether the edge log has grown enough to be merged into the rows. */
	boolean mergeDue() {
		return this.edges.mergeDue();
	}

	/** A merge to run off the lock; see {@link Edges#startMerge}. */
	Edges.Merge startMerge() {
		return this.edges.startMerge();
	}

	void finish(Edges.Merge merge) {
		this.edges.finish(merge);
	}

	void abandonMerge() {
		this.edges.abandon();
	}

	/**
	 * Lays every logged edge out as rows now: a build adds every edge to the log and
	 * calls this once at its end.
	 */
	void compact() {
		this.edges.compact();
	}

	private void grow() {
		int capacity = this.kinds.length + (this.kinds.length >> 1);
		this.kinds = Arrays.copyOf(this.kinds, capacity);
		this.states = Arrays.copyOf(this.states, capacity);
		this.seconds = Arrays.copyOf(this.seconds, capacity);
		this.nanos = Arrays.copyOf(this.nanos, capacity);
	}

	@Override
	public int size() {
		return this.ids.size();
	}

	@Override
	public long edgeCount() {
		return this.edges.count();
	}

	@Override
	public int find(String id) {
		return this.ids.find(id);
	}

	@Override
	public String id(int node) {
		return this.ids.id(node);
	}

	@Override
	public int compareIds(int a, int b) {
		return this.ids.compare(a, b);
	}

	@Override
	public int idLength(int node) {
		return this.ids.length(node);
	}

	@Override
	public NodeIds ids() {
		return this.ids.view();
	}

	@Override
	public NodeKind kind(int node) {
		return KINDS[this.kinds[node]];
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
		int state = this.states[node] & REVIEW_MASK;
		return (state == 0) ? null : REVIEW_STATES[state - 1];
	}

	@Override
	public boolean rolledBack(int node) {
		return (this.states[node] & ROLLED_BACK) != 0;
	}

	@Override
	public boolean reversible(int node) {
		return (this.states[node] & IRREVERSIBLE) == 0;
	}

	@Override
	public int[] targets(int node, EdgeType type) {
		return this.edges.targets(node, type.ordinal());
	}

	@Override
	public int targetCount(int node, EdgeType type) {
		return this.edges.targetCount(node, type.ordinal());
	}

	@Override
	public int[] reachAgainst(int[] seeds, Set<EdgeType> types) {
		return this.edges.reach(seeds, size(), mask(types), false);
	}

	@Override
	public int[] reachAlong(int[] seeds, Set<EdgeType> types) {
		return this.edges.reach(seeds, size(), mask(types), true);
	}

	private static int mask(Set<EdgeType> types) {
		int mask = 0;
		for (EdgeType type : types) {
			mask |= 1 << type.ordinal();
		}
		return mask;
	}

	/** The heap the index holds: the arrays per node, the id arena and the edges. */
	@Override
	public long approximateBytes() {
		long perNodeArrays = (long) this.kinds.length * (1 + 1 + 8 + 4);
		return perNodeArrays + this.ids.bytes() + this.edges.bytes();
	}

}
