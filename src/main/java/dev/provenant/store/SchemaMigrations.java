package dev.provenant.store;

import java.time.Duration;

import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Applies the schema in {@code cypher/migrations} (packaged as {@code neo4j/migrations})
 * before the service answers anything. neo4j-migrations records each applied script with
 * its checksum, so a second start changes nothing and an edited script that was already
 * applied stops the start instead of drifting silently. Instances starting together on
 * one database take turns: one holds the migrations' lock, the others wait for it (up to
 * {@link #LOCK_WAIT}) instead of failing.
 */
@Component
public class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	static final Duration LOCK_WAIT = Duration.ofMinutes(2);

	private static final Duration RETRY_EVERY = Duration.ofMillis(500);

	@Autowired
	public SchemaMigrations(Driver driver) {
		this(driver, LOCK_WAIT);
	}

	SchemaMigrations(Driver driver, Duration lockWait) {
		long started = System.nanoTime();
		MigrationsConfig config = MigrationsConfig.builder()
			.withLocationsToScan("classpath:neo4j/migrations")
			.withAutocrlf(true)
			.build();
		long deadline = started + lockWait.toNanos();
		boolean told = false;
		while (true) {
			try {
				var applied = new Migrations(config, driver).apply();
				log.info("Schema at version {} ({} ms)", applied.map(MigrationVersion::getValue).orElse("none"),
						(System.nanoTime() - started) / 1_000_000);
				return;
			}
			catch (MigrationsException ex) {
				if (!lockedByAnother(ex) || System.nanoTime() > deadline) {
					throw lockedByAnother(ex) ? new IllegalStateException("The schema migrations' lock was held for "
							+ lockWait.toSeconds() + " s. If no other instance is starting, one that crashed while "
							+ "migrating left it: delete the (:__Neo4jMigrationsLock) node and start again", ex) : ex;
				}
				if (!told) {
					log.info("Another instance is migrating the schema; waiting for it");
					told = true;
				}
				pause();
			}
		}
	}

	private static boolean lockedByAnother(MigrationsException ex) {
		return ex.getMessage() != null && ex.getMessage().contains("__Neo4jMigrationsLock");
	}

	private static void pause() {
		try {
			Thread.sleep(RETRY_EVERY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the schema migrations' lock", ex);
		}
	}

}
