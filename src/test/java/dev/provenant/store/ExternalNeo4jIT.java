package dev.provenant.store;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.provenant.ProvenantApplication;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting {@code NEO4J_URI} is all it takes to use another Neo4j: the service then starts
 * no embedded database, applies its schema to the external one and keeps its data there.
 * The "external" Neo4j here is a separate Neo4j 5.26 started by the test itself, so the
 * test runs without Docker too.
 */
class ExternalNeo4jIT {

	private static DatabaseManagementService external;

	private static int boltPort;

	@BeforeAll
	static void startExternalNeo4j() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			boltPort = socket.getLocalPort();
		}
		Path home = Files.createTempDirectory("provenant-external-");
		external = new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
	}

	@AfterAll
	static void stopExternalNeo4j() {
		external.shutdown();
	}

	@Test
	void aNeo4jUriSwitchesToThatDatabaseAndNoEmbeddedOneStarts() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProvenantApplication.class)
			.run("--server.port=0", "--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort, "--" + TestKeys.SETTING)) {
			assertThat(app.getBeanNamesForType(DatabaseManagementService.class)).isEmpty();

			String port = app.getEnvironment().getProperty("local.server.port");
			HttpGraphQlTester graphQl = HttpGraphQlTester
				.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
					.baseUrl("http://localhost:" + port + "/graphql")
					.defaultHeader("X-API-Key", TestKeys.ADMIN)
					.build());
			graphQl.document("mutation { ingest(batch: { dataSources: [{ id: \"ds:external\" }] }) { created } }")
				.execute()
				.path("ingest.created")
				.entity(Integer.class)
				.isEqualTo(1);
		}
		GraphDatabaseService db = external.database("neo4j");
		try (var tx = db.beginTx()) {
			assertThat(tx.execute("MATCH (n:Node:DataSource {id: 'ds:external'}) RETURN count(n) AS c")
				.columnAs("c")
				.next()).isEqualTo(1L);
			assertThat(tx.execute("SHOW CONSTRAINTS YIELD name WHERE name = 'node_id_unique' RETURN name").hasNext())
				.isTrue();
		}
	}

}
