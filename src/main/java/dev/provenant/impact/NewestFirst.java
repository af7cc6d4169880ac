package dev.provenant.impact;

import java.util.Objects;

import dev.provenant.dependency.NodeIds;
import dev.provenant.memory.Footprint;

/**
 * The order of a blast radius' list from the dependency index
 * ({@link Dated#NEWEST_FIRST}: time descending, then id ascending), found only as far as
 * it is read. Most questions read the counts and a first page: for those the newest
 * {@value #FIRST} entries are selected in one pass over the list, and only a read past
 * them sorts it all, once. On a list of 100,000 actions that is the difference between
 * comparing each entry with the oldest of a few hundred kept so far and a full sort whose
 * ties on time each compare two ids.
 *
 * <p>
 * It orders positions in the list's arrays, not objects: the times were copied from the
 * index when the answer was built, and ties on time are broken by the ids, compared in
 * the index's arena through {@link NodeIds}, which stays valid outside the index's lock.
 * A kept answer is read by several requests at once, so finding more of the order is
 * synchronized; entries once ordered never move.
 */
final class NewestFirst {

	/** How many entries a first read orders when the list is long. */
	static final int FIRST = 256;

	private static final int[] NONE = new int[0];

	/**
	 * Times within this many seconds of 1970 (about 285 years either way) fit in a long
	 * of nanoseconds.
	 */
	private static final long KEY_SECONDS = 9_000_000_000L;

	private final NodeIds ids;

	private final int[] nodes;

	private final long[] seconds;

	private final int[] nanos;

	/** Positions in the arrays, newest first, for the first {@link #found} entries. */
	private int[] order = NONE;

	private int found;

	NewestFirst(NodeIds ids, int[] nodes, long[] seconds, int[] nanos) {
		this.ids = ids;
		this.nodes = nodes;
		this.seconds = seconds;
		this.nanos = nanos;
	}

	/** The position in the arrays of the entry {@code index} places from the newest. */
	synchronized int position(int index) {
		Objects.checkIndex(index, this.nodes.length);
		if (index >= this.found) {
			find(index);
		}
		return this.order[index];
	}

	/**
	 * Orders at least the first {@code count} entries: a page read through a sublist
	 * orders what it will read at once, rather than a first page's worth and then the
	 * rest.
	 */
	synchronized void orderFirst(int count) {
		if (count > this.found) {
			find(Math.min(count, this.nodes.length) - 1);
		}
	}

	/** Every position, newest first; the caller must not change the array. */
	synchronized int[] positions() {
		if (this.found < this.nodes.length) {
			find(this.nodes.length - 1);
		}
		return this.order;
	}

	/** How many entries are ordered so far. */
	synchronized int found() {
		return this.found;
	}

	/** The heap the order keeps once found in full. */
	static long footprint(int size) {
		return Footprint.object(5 * Footprint.REFERENCE + 4) + Footprint.bytes(4L * size);
	}

	private void find(int index) {
		int size = this.nodes.length;
		int[] positions;
		if (index < FIRST && size > 4 * FIRST) {
			positions = newest(FIRST);
		}
		else {
			positions = new int[size];
			for (int i = 0; i < size; i++) {
				positions[i] = i;
			}
		}
		sort(positions);
		this.order = positions;
		this.found = positions.length;
	}

	/**
	 * The {@code count} newest positions, unordered: a heap of those kept so far with the
	 * oldest on top, which most entries only need to be compared with. Read from the end:
	 * a closure lists nodes roughly in the order the index numbered them, oldest first,
	 * so the heap fills with the newest early and the rest fall out at one comparison.
	 */
	private int[] newest(int count) {
		int[] heap = new int[count];
		int kept = 0;
		for (int position = this.nodes.length - 1; position >= 0; position--) {
			if (kept < count) {
				heap[kept] = position;
				up(heap, kept++);
			}
			else if (compare(position, heap[0]) < 0) {
				heap[0] = position;
				down(heap, count);
			}
		}
		return heap;
	}

	/** Restores the heap (each parent no newer than its children) above {@code at}. */
	private void up(int[] heap, int at) {
		int position = heap[at];
		while (at > 0) {
			int parent = (at - 1) >>> 1;
			if (compare(heap[parent], position) >= 0) {
				break;
			}
			heap[at] = heap[parent];
			at = parent;
		}
		heap[at] = position;
	}

	/** Restores the heap below its top. */
	private void down(int[] heap, int size) {
		int at = 0;
		int position = heap[0];
		while (true) {
			int child = 2 * at + 1;
			if (child >= size) {
				break;
			}
			if (child + 1 < size && compare(heap[child + 1], heap[child]) > 0) {
				child++;
			}
			if (compare(heap[child], position) <= 0) {
				break;
			}
			heap[at] = heap[child];
			at = child;
		}
		heap[at] = position;
	}

	/** Newest first: the later time; on a tie, the smaller id. */
	private int compare(int a, int b) {
		int byTime = Long.compare(this.seconds[b], this.seconds[a]);
		if (byTime == 0) {
			byTime = Integer.compare(this.nanos[b], this.nanos[a]);
		}
		return (byTime != 0) ? byTime : this.ids.compare(this.nodes[a], this.nodes[b]);
	}

	/**
	 * Sorts positions in place. Each one's time is read once into an array of nanoseconds
	 * that moves with it, so that comparing two reads that array; the times and ids are
	 * read again only to break a tie.
	 */
	private void sort(int[] positions) {
		if (positions.length < 2) {
			return;
		}
		long[] keys = new long[positions.length];
		for (int i = 0; i < positions.length; i++) {
			keys[i] = key(positions[i]);
		}
		new Keyed(positions, keys).sort(0, positions.length);
	}

	/**
	 * The time in nanoseconds since 1970; a time further away than that can hold is
	 * clamped, and entries whose keys tie are compared in full.
	 */
	private long key(int position) {
		long second = this.seconds[position];
		if (second <= -KEY_SECONDS) {
			return Long.MIN_VALUE;
		}
		if (second >= KEY_SECONDS) {
			return Long.MAX_VALUE;
		}
		return second * 1_000_000_000L + this.nanos[position];
	}

	/** A stable merge sort of positions and their keys side by side. */
	private final class Keyed {

		private final int[] positions;

		private final long[] keys;

		private final int[] scratchPositions;

		private final long[] scratchKeys;

		Keyed(int[] positions, long[] keys) {
			this.positions = positions;
			this.keys = keys;
			this.scratchPositions = new int[positions.length];
			this.scratchKeys = new long[positions.length];
		}

		/** Newest first: the larger key; on a tie, the entries decide (time, then id). */
		private int compare(long keyA, int a, long keyB, int b) {
			int byKey = Long.compare(keyB, keyA);
			return (byKey != 0) ? byKey : NewestFirst.this.compare(a, b);
		}

		void sort(int from, int to) {
			if (to - from < 16) {
				insertionSort(from, to);
				return;
			}
			int middle = (from + to) >>> 1;
			sort(from, middle);
			sort(middle, to);
			if (compare(this.keys[middle - 1], this.positions[middle - 1], this.keys[middle],
					this.positions[middle]) <= 0) {
				return;
			}
			System.arraycopy(this.positions, from, this.scratchPositions, from, to - from);
			System.arraycopy(this.keys, from, this.scratchKeys, from, to - from);
			int left = from;
			int right = middle;
			for (int i = from; i < to; i++) {
				boolean takeLeft = right >= to || (left < middle && compare(this.scratchKeys[left],
						this.scratchPositions[left], this.scratchKeys[right], this.scratchPositions[right]) <= 0);
				int taken = takeLeft ? left++ : right++;
				this.positions[i] = this.scratchPositions[taken];
				this.keys[i] = this.scratchKeys[taken];
			}
		}

		private void insertionSort(int from, int to) {
			for (int i = from + 1; i < to; i++) {
				int position = this.positions[i];
				long key = this.keys[i];
				int j = i - 1;
				while (j >= from && compare(this.keys[j], this.positions[j], key, position) > 0) {
					this.positions[j + 1] = this.positions[j];
					this.keys[j + 1] = this.keys[j];
					j--;
				}
				this.positions[j + 1] = position;
				this.keys[j + 1] = key;
			}
		}

	}

}
