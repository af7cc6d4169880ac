package dev.provenant.impact;

import dev.provenant.dependency.IndexedGraph;

/**
 * Orders node numbers of the dependency index as every list in a blast radius is ordered
 * ({@link Dated#NEWEST_FIRST}: time descending, then id ascending) without making an
 * object per node: a stable merge sort over the numbers, reading times and ids from the
 * index.
 */
final class NewestFirst {

	private NewestFirst() {
	}

	/** The nodes, sorted in place. */
	static int[] sort(IndexedGraph graph, int[] nodes) {
		if (nodes.length > 1) {
			mergeSort(graph, nodes, new int[nodes.length], 0, nodes.length);
		}
		return nodes;
	}

	private static void mergeSort(IndexedGraph graph, int[] nodes, int[] scratch, int from, int to) {
		if (to - from < 16) {
			insertionSort(graph, nodes, from, to);
			return;
		}
		int middle = (from + to) >>> 1;
		mergeSort(graph, nodes, scratch, from, middle);
		mergeSort(graph, nodes, scratch, middle, to);
		if (compare(graph, nodes[middle - 1], nodes[middle]) <= 0) {
			return;
		}
		System.arraycopy(nodes, from, scratch, from, to - from);
		int left = from;
		int right = middle;
		for (int i = from; i < to; i++) {
			if (right >= to || (left < middle && compare(graph, scratch[left], scratch[right]) <= 0)) {
				nodes[i] = scratch[left++];
			}
			else {
				nodes[i] = scratch[right++];
			}
		}
	}

	private static void insertionSort(IndexedGraph graph, int[] nodes, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			int node = nodes[i];
			int j = i - 1;
			while (j >= from && compare(graph, nodes[j], node) > 0) {
				nodes[j + 1] = nodes[j];
				j--;
			}
			nodes[j + 1] = node;
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
