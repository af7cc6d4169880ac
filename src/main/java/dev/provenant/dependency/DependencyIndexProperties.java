package dev.provenant.dependency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether closures (blast radius, rollback scope) are answered from the
 * in-memory dependency index; off, every answer comes from Cypher traversals
 * @param catchUpEvents the most audit events read per step when the index catches up
 * @param serveWhileBuilding whether the instance is ready while its index builds
 * (closures then come from Cypher, slower); by default readiness waits for the index
 */
@ConfigurationProperties("provenant.index")
public record DependencyIndexProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") int catchUpEvents,
		@DefaultValue("false") boolean serveWhileBuilding) {

	public DependencyIndexProperties {
		if (catchUpEvents < 1) {
			throw new IllegalArgumentException("provenant.index.catch-up-events must be at least 1");
		}
	}

}
