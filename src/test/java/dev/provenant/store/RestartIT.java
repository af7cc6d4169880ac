package dev.provenant.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.provenant.ProvenantApplication;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged configuration twice on one embedded store with the demo switch on,
 * as a user would: the first start applies the schema and seeds the demo; the second
 * finds both in place and changes nothing.
 */
class RestartIT {

	@Test
	void dataSurvivesARestartAndASecondStartChangesNothing() throws Exception {
		Path store = Files.createTempDirectory("provenant-restart-");
		Map<String, Object> first;
		try (ConfigurableApplicationContext app = start(store)) {
			first = snapshot(app);
			graphQl(app).document("{ blastRadius(id: \"ds:open-banking-transactions\") { decisionCount actionCount } }")
				.execute()
				.path("blastRadius.decisionCount")
				.entity(Integer.class)
				.satisfies(count -> assertThat(count).isPositive());
		}
		try (ConfigurableApplicationContext app = start(store)) {
			assertThat(snapshot(app)).isEqualTo(first);
			graphQl(app).document("{ node(id: \"dec:loan-2026-0421\") { id kind } }")
				.execute()
				.path("node.kind")
				.entity(String.class)
				.isEqualTo("DECISION");
		}
	}

	/**
	 * What a second start must not change: node and edge counts, applied migrations,
	 * constraints and indexes.
	 */
	private static Map<String, Object> snapshot(ConfigurableApplicationContext app) {
		try (var session = app.getBean(Driver.class).session()) {
			long nodes = session.run("MATCH (n:Node) RETURN count(n) AS c").single().get("c").asLong();
			long edges = session.run("MATCH (:Node)-[r]->(:Node) RETURN count(r) AS c").single().get("c").asLong();
			long migrations = session.run("MATCH (m:__Neo4jMigration) RETURN count(m) AS c").single().get("c").asLong();
			var schema = session.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
				.single()
				.get("names")
				.asList();
			var indexes = session.run("SHOW INDEXES YIELD name RETURN collect(name) AS names")
				.single()
				.get("names")
				.asList();
			assertThat(schema).contains("node_id_unique");
			assertThat(indexes).contains("decision_occurred_at", "action_occurred_at");
			assertThat(nodes).isGreaterThan(50);
			return Map.of("nodes", nodes, "edges", edges, "migrations", migrations, "constraints", schema.size(),
					"indexes", indexes.size());
		}
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(ProvenantApplication.class).run("--server.port=0",
				"--provenant.embedded.data-dir=" + store, "--provenant.embedded.bolt-port=0",
				"--provenant.embedded.page-cache-mb=64", "--provenant.demo=true", "--spring.neo4j.uri=");
	}

	private static HttpGraphQlTester graphQl(ConfigurableApplicationContext app) {
		String port = app.getEnvironment().getProperty("local.server.port");
		return HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port + "/graphql")
			.build());
	}

}
