package dev.provenant.store;

import org.neo4j.configuration.helpers.PortBindException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The embedded Neo4j's Bolt port is taken (often by a Neo4j server, or another Provenant,
 * already running): says which port and the setting to change, instead of Neo4j's stack
 * trace.
 */
class BoltPortInUseAnalyzer extends AbstractFailureAnalyzer<PortBindException> {

	private final Environment environment;

	BoltPortInUseAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortBindException cause) {
		String host = this.environment.getProperty("provenant.embedded.bolt-host", "127.0.0.1");
		String port = this.environment.getProperty("provenant.embedded.bolt-port", "7687");
		return new FailureAnalysis(
				"The embedded Neo4j could not listen for Bolt on " + host + ":" + port
						+ ": another process is using that port (a Neo4j server, or another Provenant).",
				"Stop the other process, or give the embedded Neo4j another port with provenant.embedded.bolt-port "
						+ "(--provenant.embedded.bolt-port=7688; 0 picks a free one), or use the running Neo4j "
						+ "with NEO4J_URI=bolt://" + host + ":" + port + " and its credentials.",
				cause);
	}

}
