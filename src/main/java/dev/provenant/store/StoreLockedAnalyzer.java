package dev.provenant.store;

import java.nio.file.Path;

import org.neo4j.io.locker.FileLockException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The embedded Neo4j's store is in use by another process (most often a Provenant already
 * running from the same directory): says which directory, and the settings that give this
 * one a store of its own, instead of Neo4j's stack trace.
 */
class StoreLockedAnalyzer extends AbstractFailureAnalyzer<FileLockException> {

	private final Environment environment;

	StoreLockedAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FileLockException cause) {
		Path store = Path.of(this.environment.getProperty("provenant.embedded.data-dir", "./data"))
			.toAbsolutePath()
			.normalize();
		return new FailureAnalysis(
				"The embedded Neo4j's store in " + store
						+ " is locked by another process: another Provenant (or Neo4j) is using that directory.",
				"Stop the other process, or give this one a directory of its own with provenant.embedded.data-dir "
						+ "(--provenant.embedded.data-dir=/path), or point it at a running Neo4j with NEO4J_URI.",
				cause);
	}

}
