package dev.provenant.impact;

import java.util.Arrays;

import dev.provenant.memory.Footprint;

/**
 * Node numbers of the dependency index to their positions in a list: open addressing over
 * two int arrays, so that half a million entries cost two arrays rather than a million
 * boxed integers.
 */
final class NodePositions {

	private static final int EMPTY = -1;

	private final int[] nodes;

	private final int[] positions;

	private final int mask;

	/**
	 * @param nodes distinct node numbers (not negative); each maps to its index here
	 */
	NodePositions(int[] nodes) {
		int capacity = Integer.highestOneBit(Math.max(2, nodes.length) * 2 - 1) << 1;
		this.nodes = new int[capacity];
		this.positions = new int[capacity];
		this.mask = capacity - 1;
		Arrays.fill(this.nodes, EMPTY);
		for (int position = 0; position < nodes.length; position++) {
			int slot = slot(nodes[position]);
			while (this.nodes[slot] != EMPTY) {
				slot = (slot + 1) & this.mask;
			}
			this.nodes[slot] = nodes[position];
			this.positions[slot] = position;
		}
	}

	/** The node's position, or -1 if it is not in the list. */
	int of(int node) {
		int slot = slot(node);
		while (this.nodes[slot] != EMPTY) {
			if (this.nodes[slot] == node) {
				return this.positions[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return EMPTY;
	}

	long footprint() {
		return Footprint.object(2 * Footprint.REFERENCE + 4) + 2 * Footprint.bytes(4L * this.nodes.length);
	}

	private int slot(int node) {
		// Fibonacci hashing: node numbers are dense, so spread them before masking.
		return (int) ((node * 0x9E3779B97F4A7C15L) >>> 32) & this.mask;
	}

}
