package dev.provenant.dependency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Node ids as UTF-8 bytes in pages of one arena, with a hash table of node numbers over
 * them: no {@code String}, {@code Integer} or map entry per node (ADR 15). What is
 * written is never moved (pages and the start of each id are appended to, and only the
 * small directories that list them are copied as they grow), so a {@link #view()} taken
 * under the index's lock reads the ids it covers afterwards without one. Not thread-safe
 * otherwise: {@link DependencyIndex} guards it.
 */
final class IdArena {

	/**
	 * Pages of 256 KiB: below half of G1's smallest region, so that no page is allocated
	 * as a humongous object with the rest of its region lost.
	 */
	private static final int PAGE_BITS = 18;

	private static final int PAGE_SIZE = 1 << PAGE_BITS;

	private static final int STARTS_BITS = 14;

	private static final int STARTS_PER_PAGE = 1 << STARTS_BITS;

	/** The hash table is grown past this share of its slots in use. */
	private static final double LOAD = 0.7;

	private byte[][] pages = new byte[1][];

	private int pageCount;

	/** Where the next id goes in the last page. */
	private int used = PAGE_SIZE;

	/** Per node, where its id starts: page number in the high bits, offset in the low. */
	private long[][] starts = new long[1][];

	private int size;

	/** Node number + 1 per slot, 0 for an empty one; open addressing, linear probing. */
	private int[] slots = new int[1024];

	private long idBytes;

	int size() {
		return this.size;
	}

	/** The number of the node with this id, or -1. */
	int find(String id) {
		byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
		return find(utf8, hash(utf8, 0, utf8.length));
	}

	private int find(byte[] utf8, int hash) {
		int mask = this.slots.length - 1;
		for (int slot = hash & mask;; slot = (slot + 1) & mask) {
			int node = this.slots[slot] - 1;
			if (node < 0) {
				return -1;
			}
			if (holds(node, utf8)) {
				return node;
			}
		}
	}

	/** Adds the id under the next number; the caller has found it absent. */
	int add(String id) {
		byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
		int hash = hash(utf8, 0, utf8.length);
		int existing = find(utf8, hash);
		if (existing >= 0) {
			return existing;
		}
		int node = this.size;
		store(node, utf8);
		this.size++;
		if (this.size > this.slots.length * LOAD) {
			rehash(this.slots.length * 2);
		}
		else {
			place(node, hash);
		}
		return node;
	}

	private void store(int node, byte[] utf8) {
		int length = utf8.length;
		int prefix = prefix(length);
		if (this.used + prefix + length > PAGE_SIZE) {
			if (this.pageCount == this.pages.length) {
				this.pages = Arrays.copyOf(this.pages, this.pageCount * 2);
			}
			this.pages[this.pageCount++] = new byte[Math.max(PAGE_SIZE, prefix + length)];
			this.used = 0;
		}
		int page = this.pageCount - 1;
		byte[] bytes = this.pages[page];
		long start = ((long) page << PAGE_BITS) | this.used;
		if (prefix == 1) {
			bytes[this.used++] = (byte) length;
		}
		else if (prefix == 2) {
			bytes[this.used++] = (byte) (0x80 | (length >>> 8));
			bytes[this.used++] = (byte) length;
		}
		else {
			bytes[this.used++] = (byte) (0xC0 | (length >>> 24));
			bytes[this.used++] = (byte) (length >>> 16);
			bytes[this.used++] = (byte) (length >>> 8);
			bytes[this.used++] = (byte) length;
		}
		System.arraycopy(utf8, 0, bytes, this.used, length);
		this.used += length;
		int startsPage = node >>> STARTS_BITS;
		if (startsPage == this.starts.length) {
			this.starts = Arrays.copyOf(this.starts, this.starts.length * 2);
		}
		if (this.starts[startsPage] == null) {
			this.starts[startsPage] = new long[STARTS_PER_PAGE];
		}
		this.starts[startsPage][node & (STARTS_PER_PAGE - 1)] = start;
		this.idBytes += prefix + length;
	}

	private void place(int node, int hash) {
		int mask = this.slots.length - 1;
		int slot = hash & mask;
		while (this.slots[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		this.slots[slot] = node + 1;
	}

	private void rehash(int capacity) {
		this.slots = new int[capacity];
		for (int node = 0; node < this.size; node++) {
			long start = start(node);
			byte[] page = this.pages[(int) (start >>> PAGE_BITS)];
			int offset = (int) start & (PAGE_SIZE - 1);
			int length = length(page, offset);
			int from = offset + prefix(length);
			place(node, hash(page, from, length));
		}
	}

	private boolean holds(int node, byte[] utf8) {
		long start = start(node);
		byte[] page = this.pages[(int) (start >>> PAGE_BITS)];
		int offset = (int) start & (PAGE_SIZE - 1);
		int length = length(page, offset);
		int from = offset + prefix(length);
		return length == utf8.length && Arrays.equals(page, from, from + length, utf8, 0, length);
	}

	private long start(int node) {
		return start(this.starts, node);
	}

	private static long start(long[][] starts, int node) {
		return starts[node >>> STARTS_BITS][node & (STARTS_PER_PAGE - 1)];
	}

	/**
	 * An id's length comes before it in one byte (below 128), two (below 16,384, first
	 * byte 10xxxxxx) or four (first byte 11xxxxxx).
	 */
	private static int prefix(int length) {
		return (length < 0x80) ? 1 : (length < 0x4000) ? 2 : 4;
	}

	private static int length(byte[] page, int offset) {
		int first = page[offset] & 0xFF;
		if (first < 0x80) {
			return first;
		}
		if (first < 0xC0) {
			return ((first & 0x3F) << 8) | (page[offset + 1] & 0xFF);
		}
		return ((first & 0x3F) << 24) | ((page[offset + 1] & 0xFF) << 16) | ((page[offset + 2] & 0xFF) << 8)
				| (page[offset + 3] & 0xFF);
	}

	private static int hash(byte[] bytes, int from, int length) {
		int hash = 0x9747b28c;
		for (int i = from; i < from + length; i++) {
			hash = (hash ^ bytes[i]) * 0x01000193;
		}
		// spread the low bits, which pick the slot
		hash ^= hash >>> 16;
		hash *= 0x85ebca6b;
		return hash ^ (hash >>> 13);
	}

	String id(int node) {
		return id(this.pages, this.starts, node);
	}

	private static String id(byte[][] pages, long[][] starts, int node) {
		long start = start(starts, node);
		byte[] page = pages[(int) (start >>> PAGE_BITS)];
		int offset = (int) start & (PAGE_SIZE - 1);
		int length = length(page, offset);
		return new String(page, offset + prefix(length), length, StandardCharsets.UTF_8);
	}

	/** The id's length in UTF-8, never less than what its string keeps per character. */
	int length(int node) {
		long start = start(node);
		return length(this.pages[(int) (start >>> PAGE_BITS)], (int) start & (PAGE_SIZE - 1));
	}

	/**
	 * Orders two ids as {@link String#compareTo} does, from their bytes: UTF-8 orders as
	 * UTF-16 does until a byte past ASCII differs, and only then are strings made.
	 */
	int compare(int a, int b) {
		return compare(this.pages, this.starts, a, b);
	}

	private static int compare(byte[][] pages, long[][] starts, int a, int b) {
		long startA = start(starts, a);
		long startB = start(starts, b);
		byte[] pageA = pages[(int) (startA >>> PAGE_BITS)];
		byte[] pageB = pages[(int) (startB >>> PAGE_BITS)];
		int offsetA = (int) startA & (PAGE_SIZE - 1);
		int offsetB = (int) startB & (PAGE_SIZE - 1);
		int lengthA = length(pageA, offsetA);
		int lengthB = length(pageB, offsetB);
		int fromA = offsetA + prefix(lengthA);
		int fromB = offsetB + prefix(lengthB);
		int differs = Arrays.mismatch(pageA, fromA, fromA + lengthA, pageB, fromB, fromB + lengthB);
		if (differs < 0) {
			return 0;
		}
		if (differs == lengthA || differs == lengthB) {
			return lengthA - lengthB;
		}
		byte byteA = pageA[fromA + differs];
		byte byteB = pageB[fromB + differs];
		if (byteA >= 0 && byteB >= 0) {
			return byteA - byteB;
		}
		return id(pages, starts, a).compareTo(id(pages, starts, b));
	}

	/**
	 * The ids of every node numbered so far, readable without the index's lock (see the
	 * class comment).
	 */
	NodeIds view() {
		byte[][] pagesNow = this.pages;
		long[][] startsNow = this.starts;
		return new NodeIds() {

			@Override
			public String id(int node) {
				return IdArena.id(pagesNow, startsNow, node);
			}

			@Override
			public int compare(int a, int b) {
				return IdArena.compare(pagesNow, startsNow, a, b);
			}

		};
	}

	/** What the arena, the starts and the hash table take on the heap. */
	long bytes() {
		long pageBytes = (long) this.pageCount * PAGE_SIZE;
		long startBytes = 0;
		for (long[] page : this.starts) {
			startBytes += (page != null) ? 16 + 8L * STARTS_PER_PAGE : 0;
		}
		return pageBytes + startBytes + 16 + 4L * this.slots.length + 8L * (this.pages.length + this.starts.length);
	}

	/** The ids' bytes and their length prefixes, for the metrics. */
	long idBytes() {
		return this.idBytes;
	}

}
