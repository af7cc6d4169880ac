package dev.provenant.support;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.function.IntFunction;

/**
 * What objects really keep on the heap, measured: many copies are made and held, and the
 * heap after a full collection is compared with before. Good to a few percent at the
 * sizes the tests use, which is what estimates are held to.
 */
public final class Retained {

	private Retained() {
	}

	/**
	 * The bytes one object made by {@code make} keeps, on average over {@code copies}.
	 */
	public static long bytes(IntFunction<Object> make, int copies) {
		Object[] held = new Object[copies];
		long before = usedAfterCollection();
		for (int i = 0; i < copies; i++) {
			held[i] = make.apply(i);
		}
		long after = usedAfterCollection();
		Reference.reachabilityFence(held);
		return (after - before) / copies;
	}

	/** Heap in use after full collections. */
	public static long usedAfterCollection() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
