package dev.provenant.store;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.provenant.ProvenantApplication;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.FulltextSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the embedded store is started with beyond Neo4j's defaults, where no answer shows
 * it.
 */
class EmbeddedStoreSettingsIT {

	/**
	 * The store keeps as much of its transaction logs as
	 * {@code provenant.embedded.tx-log-retention} says: at millions of records an ingest
	 * writes several times the store's size in logs, which Neo4j's default keeps two
	 * days. And the name search index is reopened on a clock, not after every transaction
	 * (that a search still finds every write is {@code SearchIT}'s).
	 */
	@Test
	void theStoreKeepsTheLogsAskedForAndRefreshesSearchOnAClock() throws Exception {
		Path store = Files.createTempDirectory("provenant-tx-logs-");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProvenantApplication.class).run(
				"--server.port=0", "--provenant.embedded.data-dir=" + store, "--provenant.embedded.bolt-port=0",
				"--provenant.embedded.page-cache-mb=64", "--provenant.embedded.tx-log-retention=512M size",
				"--spring.neo4j.uri=")) {
			var neo4j = (GraphDatabaseAPI) app.getBean(DatabaseManagementService.class)
				.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			Config config = neo4j.getDependencyResolver().resolveDependency(Config.class);
			assertThat(config.get(GraphDatabaseSettings.keep_logical_logs)).isEqualTo("512M size");
			assertThat(config.get(FulltextSettings.eventually_consistent_refresh_interval))
				.isEqualTo(EmbeddedNeo4jConfiguration.SEARCH_INDEX_REFRESH)
				.isPositive();
		}
	}

}
