package dev.provenant.memory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code heap}: DOWN once what the last collections left in
 * use passes {@code provenant.memory.heap-down-at} of the maximum heap, before the heap
 * is exhausted rather than after. It is part of readiness, so a load balancer stops
 * sending this instance new work while the collector catches up; it comes back UP on its
 * own. Details (for operators and admins) hold the numbers and the memory model for the
 * store.
 */
@Component("heapHealthIndicator")
class HeapHealth implements HealthIndicator {

	private final MemoryProperties properties;

	private final MemoryCheck check;

	HeapHealth(MemoryProperties properties, MemoryCheck check) {
		this.properties = properties;
		this.check = check;
	}

	@Override
	public Health health() {
		long max = Runtime.getRuntime().maxMemory();
		long live = HeapHeadroom.liveBytes();
		double share = (double) live / max;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("maxBytes", max);
		details.put("liveAfterGcBytes", live);
		details.put("liveShare", Math.round(share * 1000) / 1000.0);
		details.put("downAt", this.properties.heapDownAt());
		try {
			MemoryModel model = this.check.model();
			details.put("modelNeededBytes", model.neededBytes());
			details.put("modelRecommendedHeapBytes", model.recommendedHeap());
		}
		catch (RuntimeException ex) {
			// the store is unreachable: the store's own health says so, the heap's is
			// still known
			details.put("model", "unavailable");
		}
		Health.Builder health = (share >= this.properties.heapDownAt()) ? Health.down() : Health.up();
		return health.withDetails(details).build();
	}

}
