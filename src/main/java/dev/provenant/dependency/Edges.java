package dev.provenant.dependency;

import java.util.Arrays;

/**
 * Every edge of the index in both directions: compressed sparse rows (one offsets array
 * per direction, neighbours and their edge types in one array each), and the edges added
 * since as a log chained per node, merged into the rows once it holds a quarter as many
 * edges as they do (ADR 15). A node's edges read back in the order they were added. Not
 * thread-safe: {@link DependencyIndex} guards it.
 */
final class Edges {

	private static final int[] NO_NODES = new int[0];

	/** The log is never merged while it holds fewer edges than this. */
	private static final int MIN_LOG = 1 << 16;

	private final Direction out = new Direction();

	private final Direction in = new Direction();

	/** The edges added since the rows were built, in the order added. */
	private int[] logFrom = new int[1024];

	private int[] logTo = new int[1024];

	private byte[] logTypes = new byte[1024];

	private int logSize;

	private long count;

	/** While set (a build), the log is merged only when {@link #compact} is called. */
	private boolean deferCompaction;

	long count() {
		return this.count;
	}

	void deferCompaction(boolean defer) {
		this.deferCompaction = defer;
	}

	/** Adds the edge unless it is there already. */
	void add(int from, int type, int to) {
		if (this.out.contains(from, type, to, this.logTo, this.logTypes)) {
			return;
		}
		if (this.logSize == this.logFrom.length) {
			int capacity = this.logSize + (this.logSize >> 1);
			this.logFrom = Arrays.copyOf(this.logFrom, capacity);
			this.logTo = Arrays.copyOf(this.logTo, capacity);
			this.logTypes = Arrays.copyOf(this.logTypes, capacity);
		}
		int edge = this.logSize++;
		this.logFrom[edge] = from;
		this.logTo[edge] = to;
		this.logTypes[edge] = (byte) type;
		this.out.chain(from, edge);
		this.in.chain(to, edge);
		this.count++;
		if (!this.deferCompaction && this.logSize >= Math.max(MIN_LOG, this.count / 4)) {
			compact();
		}
	}

	/** Merges the log into the rows. */
	void compact() {
		if (this.logSize == 0) {
			return;
		}
		this.out.merge(this.logFrom, this.logTo, this.logTypes, this.logSize);
		this.in.merge(this.logTo, this.logFrom, this.logTypes, this.logSize);
		this.logSize = 0;
		int capacity = Math.max(1024, Math.min(this.logFrom.length, MIN_LOG));
		this.logFrom = new int[capacity];
		this.logTo = new int[capacity];
		this.logTypes = new byte[capacity];
	}

	/** The nodes {@code node} points to over edges of the type, in the order added. */
	int[] targets(int node, int type) {
		return this.out.neighbours(node, type, this.logTo, this.logTypes);
	}

	/**
	 * Breadth-first, every node once: the seeds (deduplicated) and everything reachable
	 * from them over edges of the masked types, along the edges or against them.
	 */
	int[] reach(int[] seeds, int nodes, int mask, boolean along) {
		Direction direction = along ? this.out : this.in;
		int[] ends = along ? this.logTo : this.logFrom;
		long[] seen = new long[(nodes >>> 6) + 1];
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
			if (node < direction.rows) {
				for (int i = direction.offsets[node]; i < direction.offsets[node + 1]; i++) {
					int next = direction.neighbours[i];
					if ((mask & (1 << direction.types[i])) != 0 && mark(seen, next)) {
						queue = ensure(queue, tail);
						queue[tail++] = next;
					}
				}
			}
			for (int edge = direction.first(node); edge >= 0; edge = direction.next[edge]) {
				int next = ends[edge];
				if ((mask & (1 << this.logTypes[edge])) != 0 && mark(seen, next)) {
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

	/** What the rows and the log take on the heap. */
	long bytes() {
		return this.out.bytes() + this.in.bytes() + 16 * 3 + 9L * this.logFrom.length;
	}

	/**
	 * One direction: rows for the nodes numbered when the log was last merged, and per
	 * node its chain of logged edges (last added first, so that adding is one step).
	 */
	private static final class Direction {

		private int rows;

		private int[] offsets = { 0 };

		private int[] neighbours = NO_NODES;

		private byte[] types = new byte[0];

		/** Per node, its last logged edge + 1 (0 for none). */
		private int[] last = new int[1024];

		/** Per logged edge, the node's logged edge before it, or -1. */
		private int[] next = new int[1024];

		int first(int node) {
			return (node < this.last.length) ? this.last[node] - 1 : -1;
		}

		void chain(int node, int edge) {
			if (node >= this.last.length) {
				this.last = Arrays.copyOf(this.last, Math.max(node + 1, this.last.length + (this.last.length >> 1)));
			}
			if (edge >= this.next.length) {
				this.next = Arrays.copyOf(this.next, Math.max(edge + 1, this.next.length + (this.next.length >> 1)));
			}
			this.next[edge] = this.last[node] - 1;
			this.last[node] = edge + 1;
		}

		boolean contains(int node, int type, int neighbour, int[] ends, byte[] endTypes) {
			if (node < this.rows) {
				for (int i = this.offsets[node]; i < this.offsets[node + 1]; i++) {
					if (this.neighbours[i] == neighbour && this.types[i] == type) {
						return true;
					}
				}
			}
			for (int edge = first(node); edge >= 0; edge = this.next[edge]) {
				if (ends[edge] == neighbour && endTypes[edge] == type) {
					return true;
				}
			}
			return false;
		}

		int[] neighbours(int node, int type, int[] ends, byte[] endTypes) {
			int size = 0;
			int[] found = NO_NODES;
			if (node < this.rows) {
				found = new int[this.offsets[node + 1] - this.offsets[node]];
				for (int i = this.offsets[node]; i < this.offsets[node + 1]; i++) {
					if (this.types[i] == type) {
						found[size++] = this.neighbours[i];
					}
				}
			}
			int logged = size;
			for (int edge = first(node); edge >= 0; edge = this.next[edge]) {
				if (endTypes[edge] == type) {
					found = ensure(found, size);
					found[size++] = ends[edge];
				}
			}
			// the chain runs last added first
			for (int i = logged, j = size - 1; i < j; i++, j--) {
				int swap = found[i];
				found[i] = found[j];
				found[j] = swap;
			}
			return (size == found.length) ? found : Arrays.copyOf(found, size);
		}

		private static int[] ensure(int[] array, int index) {
			return (index < array.length) ? array : Arrays.copyOf(array, Math.max(2, array.length * 2));
		}

		/**
		 * New rows: each node's rows, then its logged edges in the order added (a
		 * counting sort of the log by node).
		 */
		void merge(int[] starts, int[] ends, byte[] endTypes, int logSize) {
			int nodes = this.rows;
			for (int edge = 0; edge < logSize; edge++) {
				nodes = Math.max(nodes, starts[edge] + 1);
			}
			int[] counts = new int[nodes + 1];
			for (int node = 0; node < this.rows; node++) {
				counts[node + 1] = this.offsets[node + 1] - this.offsets[node];
			}
			for (int edge = 0; edge < logSize; edge++) {
				counts[starts[edge] + 1]++;
			}
			for (int node = 0; node < nodes; node++) {
				counts[node + 1] += counts[node];
			}
			int[] mergedNeighbours = new int[counts[nodes]];
			byte[] mergedTypes = new byte[counts[nodes]];
			int[] fill = Arrays.copyOf(counts, nodes);
			for (int node = 0; node < this.rows; node++) {
				int from = this.offsets[node];
				int length = this.offsets[node + 1] - from;
				System.arraycopy(this.neighbours, from, mergedNeighbours, fill[node], length);
				System.arraycopy(this.types, from, mergedTypes, fill[node], length);
				fill[node] += length;
			}
			for (int edge = 0; edge < logSize; edge++) {
				int at = fill[starts[edge]]++;
				mergedNeighbours[at] = ends[edge];
				mergedTypes[at] = endTypes[edge];
			}
			this.rows = nodes;
			this.offsets = counts;
			this.neighbours = mergedNeighbours;
			this.types = mergedTypes;
			Arrays.fill(this.last, 0);
			this.next = new int[Math.max(1024, Math.min(this.next.length, MIN_LOG))];
		}

		long bytes() {
			return 16 * 5 + 4L * this.offsets.length + 5L * this.neighbours.length + 4L * this.last.length
					+ 4L * this.next.length;
		}

	}

}
