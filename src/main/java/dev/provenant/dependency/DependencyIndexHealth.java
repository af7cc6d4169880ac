package dev.provenant.dependency;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code dependencyIndex}: UP while building too, since the
 * service answers from Cypher meanwhile; the details say how far it is and what it holds.
 */
@Component("dependencyIndexHealthIndicator")
class DependencyIndexHealth implements HealthIndicator {

	private final DependencyIndex index;

	DependencyIndexHealth(DependencyIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		return Health.up().withDetails(this.index.describe()).build();
	}

}
