package dev.provenant.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code spring.neo4j.uri} (or {@code NEO4J_URI}) names an external Neo4j. */
final class ExternalNeo4jConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("spring.neo4j.uri"));
	}

	/** The negation, for beans that exist only when Provenant runs its own Neo4j. */
	static final class Not implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !new ExternalNeo4jConfigured().matches(context, metadata);
		}

	}

}
