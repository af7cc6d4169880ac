package dev.provenant.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's password: made for a new store before its first start, set on a
 * store an older Provenant created with authentication off, and kept across starts.
 */
class BoltPasswordIT {

	/**
	 * A store an older Provenant created with authentication off gets a password before
	 * Bolt opens, keeps it across starts, and gets a new one when the file is deleted. (A
	 * new store's initial user is what every integration test's context starts with.)
	 */
	@Test
	void aStoreWithoutAPasswordGetsOneKeepsItAndGetsANewOneWhenTheFileIsDeleted(@TempDir Path home) throws Exception {
		DatabaseManagementService open = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
		open.database("neo4j").executeTransactionally("CREATE (:Node {id: 'kept'})");
		open.shutdown();

		BoltPassword password = BoltPassword.of(home);

		assertThat(Files.readString(home.resolve("neo4j-password"))).isEqualTo(password.value() + "\n");
		assertLoginNeedsExactly(home, password);
		assertThat(BoltPassword.of(home)).as("kept across starts").isEqualTo(password);

		Files.delete(home.resolve("neo4j-password"));
		BoltPassword renewed = BoltPassword.of(home);
		assertThat(renewed).isNotEqualTo(password);
		assertLoginNeedsExactly(home, renewed);
	}

	@Test
	void thePasswordIsNeverInItsToString() {
		assertThat(new BoltPassword("s3cret-s3cret")).asString().doesNotContain("s3cret");
	}

	@Test
	void aBoltHostBeyondLoopbackIsRefused() {
		for (String host : new String[] { "0.0.0.0", "::", "192.0.2.10", "example.invalid" }) {
			assertThatThrownBy(() -> new EmbeddedNeo4jProperties(Path.of("data"), host, 7687, 64, "2 days")).as(host)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("loopback only")
				.hasMessageContaining(host);
		}
		for (String host : new String[] { "127.0.0.1", "localhost", "::1" }) {
			assertThat(new EmbeddedNeo4jProperties(Path.of("data"), host, 7687, 64, "2 days").boltHost())
				.isEqualTo(host);
		}
	}

	/** Starts the store with authentication on, as the service does, and logs in. */
	private static void assertLoginNeedsExactly(Path home, BoltPassword password) {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.build();
		try {
			var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
			var address = api.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT);
			URI bolt = URI.create("bolt://127.0.0.1:" + address.getPort());
			try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", password.value()))) {
				driver.verifyConnectivity();
			}
			try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
				assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
			}
		}
		finally {
			dbms.shutdown();
		}
	}

}
