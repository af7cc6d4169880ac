package dev.provenant.dependency;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code dependencyIndex}, part of readiness: OUT_OF_SERVICE
 * while it builds (UP with {@code provenant.index.serve-while-building}, as the service
 * answers from Cypher meanwhile), DOWN when a build or a catch-up failed (closures come
 * from Cypher until a restart builds it again), UP when ready or disabled. The details
 * say what it holds.
 */
@Component("dependencyIndexHealthIndicator")
class DependencyIndexHealth implements HealthIndicator {

	private final DependencyIndex index;

	private final DependencyIndexProperties properties;

	DependencyIndexHealth(DependencyIndex index, DependencyIndexProperties properties) {
		this.index = index;
		this.properties = properties;
	}

	@Override
	public Health health() {
		Map<String, Object> details = this.index.describe();
		Health.Builder health = switch (String.valueOf(details.get("state"))) {
			case "FAILED" -> Health.down();
			case "BUILDING" -> this.properties.serveWhileBuilding() ? Health.up() : Health.outOfService();
			default -> Health.up();
		};
		return health.withDetails(details).build();
	}

}
