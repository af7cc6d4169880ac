package dev.provenant.memory;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets the {@link MemoryModel} for the store against the heap the JVM was given: logged
 * once the service is ready (a warning, with the {@code -Xmx} to use, when the heap is
 * too small), and kept fresh for the health details as the store grows.
 */
@Component
public class MemoryCheck {

	private static final Logger log = LoggerFactory.getLogger(MemoryCheck.class);

	/** The store grows with every write; the model is recounted at most this often. */
	private static final Duration FRESH = Duration.ofMinutes(1);

	private final StoreSize store;

	private final CacheBounds bounds;

	private volatile MemoryModel model;

	private volatile long countedAt;

	MemoryCheck(StoreSize store, Caches caches, MeterRegistry meters) {
		this.store = store;
		this.bounds = caches.bounds();
		Gauge.builder("provenant.heap.live", HeapHeadroom::liveBytes)
			.description("Heap in use after the last garbage collections")
			.baseUnit("bytes")
			.register(meters);
		Gauge.builder("provenant.heap.needed", this, MemoryCheck::neededOrNaN)
			.description("Heap the memory model says the store needs (docs/memory.md), recounted once a minute")
			.baseUnit("bytes")
			.register(meters);
	}

	/** Before the generated key and the ready line, which are the last things printed. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE - 2)
	void report() {
		MemoryModel current = count();
		if (current.fits()) {
			log.info("Memory: {}", current.describe());
		}
		else {
			log.warn(
					"Memory: {}. The heap is too small for this store: expect long garbage collections and "
							+ "refused answers. Start with -Xmx{}m or more (see docs/memory.md).",
					current.describe(), MemoryModel.mib(current.recommendedHeap()));
		}
	}

	/** The model for the store as last counted, recounted when older than a minute. */
	public MemoryModel model() {
		MemoryModel current = this.model;
		if (current == null || System.nanoTime() - this.countedAt > FRESH.toNanos()) {
			current = count();
		}
		return current;
	}

	private double neededOrNaN() {
		try {
			return model().neededBytes();
		}
		catch (RuntimeException ex) {
			// the store is unreachable; its own health and metrics say so
			return Double.NaN;
		}
	}

	private MemoryModel count() {
		StoreSize.Counts size = this.store.count();
		MemoryModel counted = MemoryModel.of(size.nodes(), size.edges(), this.bounds, Runtime.getRuntime().maxMemory());
		this.model = counted;
		this.countedAt = System.nanoTime();
		return counted;
	}

}
