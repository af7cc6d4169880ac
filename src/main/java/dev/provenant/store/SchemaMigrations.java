package dev.provenant.store;

import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies the schema in {@code cypher/migrations} (packaged as {@code neo4j/migrations})
 * before the service answers anything. neo4j-migrations records each applied script with
 * its checksum, so a second start changes nothing and an edited script that was already
 * applied stops the start instead of drifting silently.
 */
@Component
public class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	public SchemaMigrations(Driver driver) {
		long started = System.nanoTime();
		MigrationsConfig config = MigrationsConfig.builder()
			.withLocationsToScan("classpath:neo4j/migrations")
			.withAutocrlf(true)
			.build();
		var applied = new Migrations(config, driver).apply();
		log.info("Schema at version {} ({} ms)", applied.map(MigrationVersion::getValue).orElse("none"),
				(System.nanoTime() - started) / 1_000_000);
	}

}
