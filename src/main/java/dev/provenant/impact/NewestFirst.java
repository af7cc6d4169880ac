package dev.provenant.impact;

import dev.provenant.dependency.IndexedGraph;

/**
 * Orders node numbers of the dependency index as every list in a blast radius is ordered
 * ({@link Dated#NEWEST_FIRST}: time descending, then id ascending) without making an
 * object per node: a stable merge sort over the numbers.
 *
 * <p>
 * Each node's time is read from the index once, into an array of nanoseconds that moves
 * with the numbers: comparing two then reads that array rather than two random places of
 * an index of millions of nodes. The index is read again only to break a tie.
 */
final class NewestFirst {

	/**
	 * Times within this many seconds of 1970 (about 285 years either way) fit in a long
	 * of nanoseconds.
	 */
	private static final long KEY_SECONDS = 9_000_000_000L;

	private NewestFirst() {
	}

	/** The nodes, sorted in place. */
	static int[] sort(IndexedGraph graph, int[] nodes) {
		if (nodes.length < 2) {
			return nodes;
		}
		long[] keys = new long[nodes.length];
		for (int i = 0; i < nodes.length; i++) {
			keys[i] = key(graph, nodes[i]);
		}
		new Keyed(graph, nodes, keys).sort(0, nodes.length);
		return nodes;
	}

	/**
	 * The time in nanoseconds since 1970; a time further away than that can hold is
	 * clamped, and nodes whose keys tie are compared through the index in full.
	 */
	private static long key(IndexedGraph graph, int node) {
		long seconds = graph.occurredAtSecond(node);
		if (seconds <= -KEY_SECONDS) {
			return Long.MIN_VALUE;
		}
		if (seconds >= KEY_SECONDS) {
			return Long.MAX_VALUE;
		}
		return seconds * 1_000_000_000L + graph.occurredAtNano(node);
	}

	/** Merge sort of nodes and their keys side by side. */
	private static final class Keyed {

		private final IndexedGraph graph;

		private final int[] nodes;

		private final long[] keys;

		private final int[] scratchNodes;

		private final long[] scratchKeys;

		Keyed(IndexedGraph graph, int[] nodes, long[] keys) {
			this.graph = graph;
			this.nodes = nodes;
			this.keys = keys;
			this.scratchNodes = new int[nodes.length];
			this.scratchKeys = new long[nodes.length];
		}

		/** Newest first: the larger key; on a tie, the index decides (time, then id). */
		private int compare(long keyA, int a, long keyB, int b) {
			int byKey = Long.compare(keyB, keyA);
			return (byKey != 0) ? byKey : NewestFirst.compare(this.graph, a, b);
		}

		void sort(int from, int to) {
			if (to - from < 16) {
				insertionSort(from, to);
				return;
			}
			int middle = (from + to) >>> 1;
			sort(from, middle);
			sort(middle, to);
			if (compare(this.keys[middle - 1], this.nodes[middle - 1], this.keys[middle], this.nodes[middle]) <= 0) {
				return;
			}
			System.arraycopy(this.nodes, from, this.scratchNodes, from, to - from);
			System.arraycopy(this.keys, from, this.scratchKeys, from, to - from);
			int left = from;
			int right = middle;
			for (int i = from; i < to; i++) {
				boolean takeLeft = right >= to || (left < middle && compare(this.scratchKeys[left],
						this.scratchNodes[left], this.scratchKeys[right], this.scratchNodes[right]) <= 0);
				int taken = takeLeft ? left++ : right++;
				this.nodes[i] = this.scratchNodes[taken];
				this.keys[i] = this.scratchKeys[taken];
			}
		}

		private void insertionSort(int from, int to) {
			for (int i = from + 1; i < to; i++) {
				int node = this.nodes[i];
				long key = this.keys[i];
				int j = i - 1;
				while (j >= from && compare(this.keys[j], this.nodes[j], key, node) > 0) {
					this.nodes[j + 1] = this.nodes[j];
					this.keys[j + 1] = this.keys[j];
					j--;
				}
				this.nodes[j + 1] = node;
				this.keys[j + 1] = key;
			}
		}

	}

	static int compare(IndexedGraph graph, int a, int b) {
		int byTime = Long.compare(graph.occurredAtSecond(b), graph.occurredAtSecond(a));
		if (byTime == 0) {
			byTime = Integer.compare(graph.occurredAtNano(b), graph.occurredAtNano(a));
		}
		return (byTime != 0) ? byTime : graph.compareIds(a, b);
	}

}
