package dev.provenant.store;

import org.neo4j.driver.exceptions.AuthenticationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Neo4j refused Provenant's user name or password at startup: says for which server and
 * user, and which settings carry them, instead of the driver's stack trace.
 */
class Neo4jCredentialsAnalyzer extends AbstractFailureAnalyzer<AuthenticationException> {

	private final Environment environment;

	Neo4jCredentialsAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AuthenticationException cause) {
		String uri = this.environment.getProperty("spring.neo4j.uri", "");
		String user = this.environment.getProperty("spring.neo4j.authentication.username", "neo4j");
		return new FailureAnalysis(
				"Neo4j at " + uri + " refused user '" + user + "': the user name or password is wrong.",
				"Set the credentials Neo4j expects with NEO4J_USERNAME and NEO4J_PASSWORD "
						+ "(spring.neo4j.authentication.username and .password).",
				cause);
	}

}
