package dev.provenant.bench;

import java.util.Arrays;

/**
 * A compressed sparse row adjacency over dense node numbers, both directions, with a type
 * per edge: the smallest structure a traversal can run on, for the floor engine.
 */
final class Csr {

	final int[] outOffsets;

	final int[] outTargets;

	final byte[] outTypes;

	final int[] inOffsets;

	final int[] inSources;

	final byte[] inTypes;

	/**
	 * Marks of the nodes one traversal has seen, by traversal number: reused, so a small
	 * traversal does not pay for clearing a flag per node of the graph. The floor runs
	 * one traversal at a time.
	 */
	private final int[] seenBy;

	private int traversal;

	private Csr(int[] outOffsets, int[] outTargets, byte[] outTypes, int[] inOffsets, int[] inSources, byte[] inTypes) {
		this.outOffsets = outOffsets;
		this.outTargets = outTargets;
		this.outTypes = outTypes;
		this.inOffsets = inOffsets;
		this.inSources = inSources;
		this.inTypes = inTypes;
		this.seenBy = new int[outOffsets.length - 1];
	}

	/** Builds both directions from parallel edge arrays (from, to, type). */
	static Csr of(int nodes, int[] from, int[] to, byte[] types, int edges) {
		int[] outOffsets = offsets(nodes, from, edges);
		int[] inOffsets = offsets(nodes, to, edges);
		int[] outTargets = new int[edges];
		byte[] outTypes = new byte[edges];
		int[] inSources = new int[edges];
		byte[] inTypes = new byte[edges];
		int[] outNext = Arrays.copyOf(outOffsets, nodes);
		int[] inNext = Arrays.copyOf(inOffsets, nodes);
		for (int e = 0; e < edges; e++) {
			int o = outNext[from[e]]++;
			outTargets[o] = to[e];
			outTypes[o] = types[e];
			int i = inNext[to[e]]++;
			inSources[i] = from[e];
			inTypes[i] = types[e];
		}
		return new Csr(outOffsets, outTargets, outTypes, inOffsets, inSources, inTypes);
	}

	private static int[] offsets(int nodes, int[] ends, int edges) {
		int[] offsets = new int[nodes + 1];
		for (int e = 0; e < edges; e++) {
			offsets[ends[e] + 1]++;
		}
		for (int n = 0; n < nodes; n++) {
			offsets[n + 1] += offsets[n];
		}
		return offsets;
	}

	int nodeCount() {
		return this.outOffsets.length - 1;
	}

	long bytes() {
		return 4L * (this.outOffsets.length + this.inOffsets.length + this.outTargets.length + this.inSources.length)
				+ this.outTypes.length + this.inTypes.length;
	}

	/**
	 * Breadth-first from the seeds over edges whose type is in the mask, against their
	 * direction ({@code against}) or along it, at most {@code depth} hops; each node
	 * once.
	 */
	int[] reach(int[] seeds, int mask, boolean against, int depth) {
		int[] offsets = against ? this.inOffsets : this.outOffsets;
		int[] ends = against ? this.inSources : this.outTargets;
		byte[] types = against ? this.inTypes : this.outTypes;
		if (++this.traversal == 0) {
			Arrays.fill(this.seenBy, 0);
			this.traversal = 1;
		}
		int mark = this.traversal;
		int[] seenBy = this.seenBy;
		int[] queue = new int[Math.max(16, seeds.length)];
		int tail = 0;
		for (int seed : seeds) {
			if (seenBy[seed] != mark) {
				seenBy[seed] = mark;
				queue = grow(queue, tail);
				queue[tail++] = seed;
			}
		}
		int head = 0;
		for (int hop = 0; hop < depth && head < tail; hop++) {
			int levelEnd = tail;
			for (; head < levelEnd; head++) {
				int node = queue[head];
				for (int e = offsets[node]; e < offsets[node + 1]; e++) {
					int next = ends[e];
					if ((mask & (1 << types[e])) != 0 && seenBy[next] != mark) {
						seenBy[next] = mark;
						queue = grow(queue, tail);
						queue[tail++] = next;
					}
				}
			}
		}
		return Arrays.copyOf(queue, tail);
	}

	private static int[] grow(int[] array, int index) {
		return (index < array.length) ? array : Arrays.copyOf(array, array.length * 2);
	}

}
