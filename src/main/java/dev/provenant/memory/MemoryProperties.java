package dev.provenant.memory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param heapDownAt the share of the maximum heap still in use after the last collections
 * at which {@code /actuator/health}'s {@code heap} goes DOWN (and readiness with it), so
 * a load balancer sends requests elsewhere while the collector can still catch up;
 * between 0 and 1
 */
@ConfigurationProperties("provenant.memory")
public record MemoryProperties(@DefaultValue("0.9") double heapDownAt) {

	public MemoryProperties {
		if (!(heapDownAt > 0 && heapDownAt <= 1)) {
			throw new IllegalArgumentException(
					"provenant.memory.heap-down-at must be a share of the heap above 0 and at most 1, got "
							+ heapDownAt);
		}
	}

}
