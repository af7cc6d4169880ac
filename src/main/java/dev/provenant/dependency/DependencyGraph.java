package dev.provenant.dependency;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;

/**
 * Nodes numbered densely from 0, each with the few facts closures and orderings need, and
 * its edges in both directions as growable {@code int} arrays (with a byte per edge for
 * its type). Edges are only ever added: Provenant never deletes a recorded edge. Not
 * thread-safe: {@link DependencyIndex} guards it.
 */
final class DependencyGraph implements IndexedGraph {

	private static final int INITIAL_CAPACITY = 1024;

	private static final int[] NO_NODES = new int[0];

	private static final NodeKind[] KINDS = NodeKind.values();

	private static final EdgeType[] EDGE_TYPES = EdgeType.values();

	private static final ReviewState[] REVIEW_STATES = ReviewState.values();

	/** A state byte: the review state's ordinal + 1 in the low bits (0 = none). */
	private static final int REVIEW_MASK = 0x07;

	private static final int ROLLED_BACK = 0x08;

	private static final int IRREVERSIBLE = 0x10;

	private final Map<String, Integer> numbers = new HashMap<>();

	private int size;

	private long edgeCount;

	private long idChars;

	private String[] ids = new String[INITIAL_CAPACITY];

	private byte[] kinds = new byte[INITIAL_CAPACITY];

	private byte[] states = new byte[INITIAL_CAPACITY];

	private long[] seconds = new long[INITIAL_CAPACITY];

	private int[] nanos = new int[INITIAL_CAPACITY];

	private final Adjacency out = new Adjacency();

	private final Adjacency in = new Adjacency();

	/** The node's number, adding it when it is new. */
	int add(String id, NodeKind kind) {
		Integer known = this.numbers.get(id);
		if (known != null) {
			return known;
		}
		int node = this.size++;
		if (node == this.ids.length) {
			grow();
		}
		this.numbers.put(id, node);
		this.ids[node] = id;
		this.kinds[node] = (byte) kind.ordinal();
		this.idChars += id.length();
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
		if (this.out.contains(from, type, to)) {
			return;
		}
		this.out.add(from, type, to);
		this.in.add(to, type, from);
		this.edgeCount++;
	}

	private void grow() {
		int capacity = this.ids.length * 2;
		this.ids = Arrays.copyOf(this.ids, capacity);
		this.kinds = Arrays.copyOf(this.kinds, capacity);
		this.states = Arrays.copyOf(this.states, capacity);
		this.seconds = Arrays.copyOf(this.seconds, capacity);
		this.nanos = Arrays.copyOf(this.nanos, capacity);
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public long edgeCount() {
		return this.edgeCount;
	}

	@Override
	public int find(String id) {
		Integer node = this.numbers.get(id);
		return (node != null) ? node : -1;
	}

	@Override
	public String id(int node) {
		return this.ids[node];
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
		return this.out.neighbours(node, type);
	}

	@Override
	public int[] reachAgainst(int[] seeds, Set<EdgeType> types) {
		return reach(seeds, this.in, mask(types));
	}

	@Override
	public int[] reachAlong(int[] seeds, Set<EdgeType> types) {
		return reach(seeds, this.out, mask(types));
	}

	/**
	 * Breadth-first, every node once: the seeds (deduplicated) and everything reachable
	 * from them over edges of the masked types, in the order first reached.
	 */
	private int[] reach(int[] seeds, Adjacency adjacency, int mask) {
		long[] seen = new long[(this.size >>> 6) + 1];
		int[] queue = new int[Math.max(16, seeds.length)];
		int tail = 0;
		for (int seed : seeds) {
			if (mark(seen, seed)) {
				queue = ensure(queue, tail);
				queue[tail++] = seed;
			}
		}
		for (int head = 0; head < tail; head++) {
			int node = queue[head];
			if (node >= adjacency.nodes.length || adjacency.counts[node] == 0) {
				continue;
			}
			int[] neighbours = adjacency.nodes[node];
			byte[] types = adjacency.types[node];
			int count = adjacency.counts[node];
			for (int i = 0; i < count; i++) {
				int next = neighbours[i];
				if ((mask & (1 << types[i])) != 0 && mark(seen, next)) {
					queue = ensure(queue, tail);
					queue[tail++] = next;
				}
			}
		}
		return Arrays.copyOf(queue, tail);
	}

	private static boolean mark(long[] seen, int node) {
		long bit = 1L << node;
		int word = node >>> 6;
		if ((seen[word] & bit) != 0) {
			return false;
		}
		seen[word] |= bit;
		return true;
	}

	private static int[] ensure(int[] array, int index) {
		return (index < array.length) ? array : Arrays.copyOf(array, array.length * 2);
	}

	private static int mask(Set<EdgeType> types) {
		int mask = 0;
		for (EdgeType type : types) {
			mask |= 1 << type.ordinal();
		}
		return mask;
	}

	/**
	 * An estimate of the heap the index holds: its arrays, the id strings (Latin-1,
	 * compact) and the id map's entries.
	 */
	@Override
	public long approximateBytes() {
		long perNodeArrays = (long) this.ids.length * (4 + 1 + 1 + 8 + 4);
		long strings = this.size * 40L + this.idChars;
		long map = this.size * 48L + Integer.highestOneBit(Math.max(1, this.size)) * 8L;
		return perNodeArrays + strings + map + this.out.bytes() + this.in.bytes();
	}

	/** Per node, its neighbours in one direction and the type of each edge. */
	private final class Adjacency {

		private int[][] nodes = new int[INITIAL_CAPACITY][];

		private byte[][] types = new byte[INITIAL_CAPACITY][];

		private int[] counts = new int[INITIAL_CAPACITY];

		private long slots;

		void add(int node, EdgeType type, int neighbour) {
			if (node >= this.nodes.length) {
				int capacity = Math.max(this.nodes.length * 2, node + 1);
				this.nodes = Arrays.copyOf(this.nodes, capacity);
				this.types = Arrays.copyOf(this.types, capacity);
				this.counts = Arrays.copyOf(this.counts, capacity);
			}
			int count = this.counts[node];
			int[] list = this.nodes[node];
			if (list == null || count == list.length) {
				int capacity = (list == null) ? 2 : list.length + (list.length >> 1) + 1;
				this.nodes[node] = (list == null) ? new int[capacity] : Arrays.copyOf(list, capacity);
				this.types[node] = (list == null) ? new byte[capacity] : Arrays.copyOf(this.types[node], capacity);
				this.slots += capacity - ((list == null) ? 0 : list.length);
			}
			this.nodes[node][count] = neighbour;
			this.types[node][count] = (byte) type.ordinal();
			this.counts[node] = count + 1;
		}

		boolean contains(int node, EdgeType type, int neighbour) {
			if (node >= this.nodes.length) {
				return false;
			}
			int[] list = this.nodes[node];
			for (int i = 0; i < this.counts[node]; i++) {
				if (list[i] == neighbour && this.types[node][i] == type.ordinal()) {
					return true;
				}
			}
			return false;
		}

		int[] neighbours(int node, EdgeType type) {
			if (node >= this.nodes.length || this.counts[node] == 0) {
				return NO_NODES;
			}
			int[] list = this.nodes[node];
			byte[] listTypes = this.types[node];
			int[] found = new int[this.counts[node]];
			int size = 0;
			for (int i = 0; i < this.counts[node]; i++) {
				if (listTypes[i] == type.ordinal()) {
					found[size++] = list[i];
				}
			}
			return Arrays.copyOf(found, size);
		}

		long bytes() {
			// two arrays per node with a list (headers ~16 bytes each), 5 bytes per slot
			return (long) this.nodes.length * (8 + 8 + 4) + this.slots * 5 + (long) DependencyGraph.this.size * 32;
		}

	}

}
