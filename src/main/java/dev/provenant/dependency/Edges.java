package dev.provenant.dependency;

import java.util.Arrays;

/**
 * Every edge of the index in both directions: compressed sparse rows (one offsets array
 * per direction, neighbours and their edge types in one array each), and the edges added
 * since as a log chained per node (ADR 15). Once the log holds a quarter as many edges as
 * there are, a {@link Merge} lays rows and log out as new rows beside the readers, from
 * arrays nothing changes while it runs, and {@link #finish} swaps them in. A node's edges
 * read back in the order they were added. Not thread-safe: {@link DependencyIndex} guards
 * it, and runs merges off its lock.
 */
final class Edges {

	private static final int[] NO_NODES = new int[0];

	/** A merge is not due while the log holds fewer edges than this. */
	private static final int MIN_LOG = 1 << 16;

	private final Direction out = new Direction();

	private final Direction in = new Direction();

	/**
	 * The logged edges, by number: every edge gets the next number when added, and the
	 * log holds numbers from {@link #logBase} to {@link #logEnd} at index number − base.
	 */
	private int[] logFrom = new int[1024];

	private int[] logTo = new int[1024];

	private byte[] logTypes = new byte[1024];

	private int logBase;

	private int logEnd;

	private long count;

	private boolean merging;

	long count() {
		return this.count;
	}

	/** Adds the edge unless it is there already. */
	void add(int from, int type, int to) {
		if (this.out.contains(from, type, to, this.logTo, this.logTypes, this.logBase)) {
			return;
		}
		int index = this.logEnd - this.logBase;
		if (index == this.logFrom.length) {
			int capacity = index + (index >> 1);
			this.logFrom = Arrays.copyOf(this.logFrom, capacity);
			this.logTo = Arrays.copyOf(this.logTo, capacity);
			this.logTypes = Arrays.copyOf(this.logTypes, capacity);
		}
		this.logFrom[index] = from;
		this.logTo[index] = to;
		this.logTypes[index] = (byte) type;
		this.out.chain(from, this.logEnd, this.logBase);
		this.in.chain(to, this.logEnd, this.logBase);
		this.logEnd++;
		this.count++;
	}

	/** Whether the log has grown enough for a merge, and none is running. */
	boolean mergeDue() {
		return !this.merging && this.logEnd - this.logBase >= Math.max(MIN_LOG, this.count / 4);
	}

	/**
	 * A merge of the rows and the log as they are now; its {@link Merge#run} needs no
	 * lock, as neither the rows nor the part of the log it reads change before
	 * {@link #finish}. One at a time.
	 */
	Merge startMerge() {
		if (this.merging) {
			throw new IllegalStateException("A merge is running already");
		}
		this.merging = true;
		return new Merge(this.out.rows(), this.in.rows(), this.logFrom, this.logTo, this.logTypes,
				this.logEnd - this.logBase, this.logEnd);
	}

	/** Swaps the merged rows in and drops the edges they hold from the log. */
	void finish(Merge merge) {
		if (!this.merging || merge.out == null) {
			throw new IllegalStateException("No finished merge to swap in");
		}
		this.out.replace(merge.out);
		this.in.replace(merge.in);
		int merged = merge.end - this.logBase;
		int left = this.logEnd - merge.end;
		int capacity = Math.max(1024, left + (left >> 1));
		this.logFrom = Arrays.copyOfRange(this.logFrom, merged, merged + capacity);
		this.logTo = Arrays.copyOfRange(this.logTo, merged, merged + capacity);
		this.logTypes = Arrays.copyOfRange(this.logTypes, merged, merged + capacity);
		this.out.dropLogged(merged, capacity);
		this.in.dropLogged(merged, capacity);
		this.logBase = merge.end;
		this.merging = false;
	}

	/** A merge that failed: the log stays, and the next write may start another. */
	void abandon() {
		this.merging = false;
	}

	/**
	 * Merges the log into the rows at once (at the end of a build, when no one reads).
	 */
	void compact() {
		if (this.logEnd > this.logBase && !this.merging) {
			Merge merge = startMerge();
			merge.run();
			finish(merge);
		}
	}

	/** The nodes {@code node} points to over edges of the type, in the order added. */
	int[] targets(int node, int type) {
		return this.out.neighbours(node, type, this.logTo, this.logTypes, this.logBase);
	}

	/** How many nodes {@link #targets} would list. */
	int targetCount(int node, int type) {
		return this.out.count(node, type, this.logTypes, this.logBase);
	}

	/**
	 * Breadth-first, every node once: the seeds (deduplicated) and everything reachable
	 * from them over edges of the masked types, along the edges or against them.
	 */
	int[] reach(int[] seeds, int nodes, int mask, boolean along) {
		Direction direction = along ? this.out : this.in;
		Rows rows = direction.rows;
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
			if (node < rows.nodes) {
				for (int i = rows.offsets[node]; i < rows.offsets[node + 1]; i++) {
					int next = rows.neighbours[i];
					if ((mask & (1 << rows.types[i])) != 0 && mark(seen, next)) {
						queue = ensure(queue, tail);
						queue[tail++] = next;
					}
				}
			}
			for (int edge = direction.first(node); edge >= this.logBase; edge = direction.before(edge, this.logBase)) {
				int index = edge - this.logBase;
				int next = ends[index];
				if ((mask & (1 << this.logTypes[index])) != 0 && mark(seen, next)) {
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
		return (index < array.length) ? array : Arrays.copyOf(array, Math.max(2, array.length * 2));
	}

	/** What the rows and the log take on the heap. */
	long bytes() {
		return this.out.bytes() + this.in.bytes() + 16 * 3 + 9L * this.logFrom.length;
	}

	/** One direction's rows, never changed once built: merges make new ones. */
	private record Rows(int nodes, int[] offsets, int[] neighbours, byte[] types) {

		static final Rows EMPTY = new Rows(0, new int[] { 0 }, NO_NODES, new byte[0]);

		long bytes() {
			return 16 * 3 + 4L * this.offsets.length + 5L * this.neighbours.length;
		}

	}

	/**
	 * One direction: its rows, and per node the chain of its logged edges (last added
	 * first, so that adding is one step). Chains hold edge numbers, so that dropping
	 * merged edges from the log leaves them alone: a number below the log's base ends a
	 * chain.
	 */
	private static final class Direction {

		private Rows rows = Rows.EMPTY;

		/** Per node, the number of its last logged edge + 1 (0 for none). */
		private int[] last = new int[1024];

		/** Per logged edge (at number − base), the number of the node's one before. */
		private int[] previous = new int[1024];

		Rows rows() {
			return this.rows;
		}

		void replace(Rows merged) {
			this.rows = merged;
		}

		int first(int node) {
			return (node < this.last.length) ? this.last[node] - 1 : -1;
		}

		int before(int edge, int base) {
			return this.previous[edge - base];
		}

		void chain(int node, int edge, int base) {
			if (node >= this.last.length) {
				this.last = Arrays.copyOf(this.last, Math.max(node + 1, this.last.length + (this.last.length >> 1)));
			}
			int index = edge - base;
			if (index >= this.previous.length) {
				this.previous = Arrays.copyOf(this.previous,
						Math.max(index + 1, this.previous.length + (this.previous.length >> 1)));
			}
			this.previous[index] = this.last[node] - 1;
			this.last[node] = edge + 1;
		}

		void dropLogged(int merged, int capacity) {
			this.previous = Arrays.copyOfRange(this.previous, merged, merged + capacity);
		}

		boolean contains(int node, int type, int neighbour, int[] ends, byte[] endTypes, int base) {
			Rows rows = this.rows;
			if (node < rows.nodes) {
				for (int i = rows.offsets[node]; i < rows.offsets[node + 1]; i++) {
					if (rows.neighbours[i] == neighbour && rows.types[i] == type) {
						return true;
					}
				}
			}
			for (int edge = first(node); edge >= base; edge = before(edge, base)) {
				if (ends[edge - base] == neighbour && endTypes[edge - base] == type) {
					return true;
				}
			}
			return false;
		}

		int count(int node, int type, byte[] endTypes, int base) {
			Rows rows = this.rows;
			int count = 0;
			if (node < rows.nodes) {
				for (int i = rows.offsets[node]; i < rows.offsets[node + 1]; i++) {
					if (rows.types[i] == type) {
						count++;
					}
				}
			}
			for (int edge = first(node); edge >= base; edge = before(edge, base)) {
				if (endTypes[edge - base] == type) {
					count++;
				}
			}
			return count;
		}

		int[] neighbours(int node, int type, int[] ends, byte[] endTypes, int base) {
			Rows rows = this.rows;
			int size = 0;
			int[] found = NO_NODES;
			if (node < rows.nodes) {
				found = new int[rows.offsets[node + 1] - rows.offsets[node]];
				for (int i = rows.offsets[node]; i < rows.offsets[node + 1]; i++) {
					if (rows.types[i] == type) {
						found[size++] = rows.neighbours[i];
					}
				}
			}
			int logged = size;
			for (int edge = first(node); edge >= base; edge = before(edge, base)) {
				if (endTypes[edge - base] == type) {
					found = ensure(found, size);
					found[size++] = ends[edge - base];
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

		long bytes() {
			return this.rows.bytes() + 16 * 2 + 4L * this.last.length + 4L * this.previous.length;
		}

	}

	/**
	 * New rows for both directions from the rows and the first {@code size} logged edges
	 * as they were when it started: each node's rows, then its logged edges in the order
	 * added (a counting sort of the log by node).
	 */
	static final class Merge {

		private final Rows outRows;

		private final Rows inRows;

		private final int[] from;

		private final int[] to;

		private final byte[] types;

		private final int size;

		private final int end;

		private Rows out;

		private Rows in;

		private Merge(Rows outRows, Rows inRows, int[] from, int[] to, byte[] types, int size, int end) {
			this.outRows = outRows;
			this.inRows = inRows;
			this.from = from;
			this.to = to;
			this.types = types;
			this.size = size;
			this.end = end;
		}

		/** Lays the new rows out; reads only what nothing changes meanwhile. */
		void run() {
			this.out = merge(this.outRows, this.from, this.to);
			this.in = merge(this.inRows, this.to, this.from);
		}

		private Rows merge(Rows rows, int[] starts, int[] ends) {
			int nodes = rows.nodes;
			for (int edge = 0; edge < this.size; edge++) {
				nodes = Math.max(nodes, starts[edge] + 1);
			}
			int[] offsets = new int[nodes + 1];
			for (int node = 0; node < rows.nodes; node++) {
				offsets[node + 1] = rows.offsets[node + 1] - rows.offsets[node];
			}
			for (int edge = 0; edge < this.size; edge++) {
				offsets[starts[edge] + 1]++;
			}
			for (int node = 0; node < nodes; node++) {
				offsets[node + 1] += offsets[node];
			}
			int[] neighbours = new int[offsets[nodes]];
			byte[] edgeTypes = new byte[offsets[nodes]];
			int[] fill = Arrays.copyOf(offsets, nodes);
			for (int node = 0; node < rows.nodes; node++) {
				int first = rows.offsets[node];
				int length = rows.offsets[node + 1] - first;
				System.arraycopy(rows.neighbours, first, neighbours, fill[node], length);
				System.arraycopy(rows.types, first, edgeTypes, fill[node], length);
				fill[node] += length;
			}
			for (int edge = 0; edge < this.size; edge++) {
				int at = fill[starts[edge]]++;
				neighbours[at] = ends[edge];
				edgeTypes[at] = this.types[edge];
			}
			return new Rows(nodes, offsets, neighbours, edgeTypes);
		}

	}

}
