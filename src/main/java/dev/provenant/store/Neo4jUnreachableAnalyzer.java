package dev.provenant.store;

import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The external Neo4j named by {@code NEO4J_URI} does not answer at startup: says where it
 * was looked for and what to check, instead of the driver's stack trace.
 */
class Neo4jUnreachableAnalyzer extends AbstractFailureAnalyzer<ServiceUnavailableException> {

	private final Environment environment;

	Neo4jUnreachableAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ServiceUnavailableException cause) {
		String uri = this.environment.getProperty("spring.neo4j.uri", "");
		return new FailureAnalysis("Provenant could not reach Neo4j at " + uri + " (NEO4J_URI): " + cause.getMessage(),
				"Check that Neo4j 5.26 is running and listening for Bolt at that address, and that the scheme fits "
						+ "it (neo4j+s:// for Aura and TLS, bolt:// or neo4j:// without). Unset NEO4J_URI to run "
						+ "the embedded Neo4j instead.",
				cause);
	}

}
