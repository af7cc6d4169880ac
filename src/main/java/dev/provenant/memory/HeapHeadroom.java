package dev.provenant.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How much of the maximum heap the last collections left free: the live data a new answer
 * must fit beside. Garbage not yet collected does not count against it.
 */
public final class HeapHeadroom {

	private HeapHeadroom() {
	}

	/** Bytes free after the last collections; the whole heap before any. */
	public static long bytes() {
		return Math.max(0, Runtime.getRuntime().maxMemory() - liveBytes());
	}

	/**
	 * Bytes the last collections left in use: live data, and with a generational
	 * collector also old garbage not yet collected, so the lowest values over a while are
	 * the ones to compare.
	 */
	public static long liveBytes() {
		long live = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage afterGc = (pool.getType() == MemoryType.HEAP) ? pool.getCollectionUsage() : null;
			if (afterGc != null) {
				live += afterGc.getUsed();
			}
		}
		return live;
	}

}
