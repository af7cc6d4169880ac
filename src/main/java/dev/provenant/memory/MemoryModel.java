package dev.provenant.memory;

/**
 * How much heap the service needs for a store of a given size, from measured parts (see
 * {@code docs/memory.md}):
 * <ul>
 * <li><b>base</b>: the service, the embedded Neo4j's heap structures and the buffers of a
 * loaded service, without caches or index ({@value #BASE_BYTES} bytes; measured at 60 MiB
 * after a full collection on an empty store and ~90 MiB under load);</li>
 * <li><b>dependency index</b>: {@value #INDEX_BYTES_PER_NODE} bytes per provenance node
 * and {@value #INDEX_BYTES_PER_EDGE} per edge (per node its id in UTF-8 and where it
 * starts, its time and state, its slot in the id table and its row in each direction; per
 * edge its two ends with their types and room for the edges logged since the last merge;
 * 119 bytes per node measured at the benchmark's shape, where a node has five
 * edges);</li>
 * <li><b>caches</b>: their bounds in {@link CacheBounds}; most default to a share of the
 * heap, and grow with it;</li>
 * <li><b>headroom</b>: a quarter of the heap left free for the answers being built, the
 * writes in flight and the collector's own room. An answer is refused beyond half of what
 * is free (see {@code AnswerLimit}), so the headroom is what keeps large questions
 * answerable.</li>
 * </ul>
 *
 * @param maxHeap the heap the JVM may use ({@code -Xmx})
 * @param baseBytes the fixed part
 * @param indexBytes the dependency index for the store's nodes and edges
 * @param cacheFixedBytes the caches' bounds set in bytes (open subscriptions' buffers
 * excluded)
 * @param cacheShare the share of the heap the caches left at their defaults take
 */
public record MemoryModel(long maxHeap, long baseBytes, long indexBytes, long cacheFixedBytes, double cacheShare) {

	public static final long BASE_BYTES = 128L << 20;

	public static final long INDEX_BYTES_PER_NODE = 70;

	public static final long INDEX_BYTES_PER_EDGE = 12;

	/** The share of the heap kept free for work in flight. */
	public static final double HEADROOM = 0.25;

	/**
	 * @param nodes the store's provenance nodes
	 * @param edges the edges between them
	 * @param bounds the caches' bounds, as configured for this heap
	 * @param maxHeap {@code Runtime.maxMemory()}
	 */
	public static MemoryModel of(long nodes, long edges, CacheBounds bounds, long maxHeap) {
		long[] bytes = { bounds.blastRadiusBytes().toBytes(), bounds.rollbackPlanBytes().toBytes(),
				bounds.graphqlDocumentBytes().toBytes(), bounds.indexPendingBytes().toBytes(),
				bounds.webhookInFlightBytes().toBytes() };
		long fixed = 0;
		double share = 0;
		for (int i = 0; i < bytes.length; i++) {
			// a bound equal to its default is that share of whatever heap the service
			// gets
			long divisor = CacheBounds.HEAP_DIVISORS[i];
			if (divisor > 0 && bytes[i] == maxHeap / divisor) {
				share += 1.0 / divisor;
			}
			else {
				fixed += bytes[i];
			}
		}
		return new MemoryModel(maxHeap, BASE_BYTES, nodes * INDEX_BYTES_PER_NODE + edges * INDEX_BYTES_PER_EDGE, fixed,
				share);
	}

	/** The caches' bounds at {@link #maxHeap}. */
	public long cacheBytes() {
		return this.cacheFixedBytes + (long) (this.cacheShare * this.maxHeap);
	}

	/** What the store needs beside the caches: base and index. */
	public long storeBytes() {
		return this.baseBytes + this.indexBytes;
	}

	/** The heap this model needs at {@link #maxHeap}: store, caches and headroom. */
	public long neededBytes() {
		return storeBytes() + cacheBytes() + (long) (HEADROOM * this.maxHeap);
	}

	public boolean fits() {
		return neededBytes() <= this.maxHeap;
	}

	/**
	 * The smallest {@code -Xmx} at which the store fits: what is fixed (store and caches
	 * set in bytes) divided by what headroom and the caches' shares leave of each byte of
	 * heap.
	 */
	public long recommendedHeap() {
		return (long) Math.ceil((storeBytes() + this.cacheFixedBytes) / (1 - HEADROOM - this.cacheShare));
	}

	/** One line for the start-up log and the health details. */
	public String describe() {
		return String.format(java.util.Locale.ROOT,
				"the store needs about %d MiB of heap (base %d MiB, dependency index %d MiB, caches %d MiB, headroom %d MiB); "
						+ "the maximum heap is %d MiB",
				mib(neededBytes()), mib(this.baseBytes), mib(this.indexBytes), mib(cacheBytes()),
				mib((long) (HEADROOM * this.maxHeap)), mib(this.maxHeap));
	}

	static long mib(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

}
