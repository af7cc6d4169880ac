package dev.provenant.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.provenant.ProvenantApplication;
import dev.provenant.graph.Sha256;
import dev.provenant.support.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged configuration twice on one embedded store with the demo switch on
 * and no credential configured, as a new user would: the first start applies the schema,
 * seeds the demo and prints a generated admin key once; the second finds all three in
 * place, prints no key, and changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

	private static final Pattern PRINTED_KEY = Pattern.compile("X-API-Key: (pvn_[A-Za-z0-9_-]+)");

	@Test
	void dataSurvivesARestartAndASecondStartChangesNothing(CapturedOutput output) throws Exception {
		Path store = Files.createTempDirectory("provenant-restart-");
		Map<String, Object> first;
		String adminKey;
		try (ConfigurableApplicationContext app = start(store)) {
			first = snapshot(app);
			Matcher printed = PRINTED_KEY.matcher(output.getOut());
			assertThat(printed.find()).as("the generated admin key is printed on first start").isTrue();
			adminKey = printed.group(1);
			String afterKey = output.getOut().substring(printed.end());
			String bannerEnd = "=".repeat(78) + System.lineSeparator();
			String nextLine = afterKey.substring(afterKey.indexOf(bannerEnd) + bannerEnd.length())
				.lines()
				.findFirst()
				.orElse("");
			assertThat(nextLine).as("the key's banner is the last thing printed before the ready line")
				.contains("Provenant is ready");
			assertThat(afterKey).contains("export PROVENANT_KEY=" + adminKey);
			assertThat(Files.readString(store.resolve("api-keys"))).doesNotContain(adminKey)
				.contains("admin:admin:{sha256}" + Sha256.hex(adminKey));
			String boltPassword = Files.readString(store.resolve("neo4j-password")).strip();
			assertThat(output.getOut()).as("the Bolt password is never printed")
				.doesNotContain(boltPassword)
				.contains(store.resolve("neo4j-password").toString());
			graphQl(app, null).document("{ node(id: \"dec:loan-2026-0421\") { id } }")
				.execute()
				.errors()
				.satisfy(errors -> Errors.assertAll(errors, "UNAUTHORIZED"));
			graphQl(app, adminKey)
				.document("{ blastRadius(id: \"ds:open-banking-transactions\") { decisionCount actionCount } }")
				.execute()
				.path("blastRadius.decisionCount")
				.entity(Integer.class)
				.satisfies(count -> assertThat(count).isPositive());
		}
		int printedBefore = output.getOut().length();
		try (ConfigurableApplicationContext app = start(store)) {
			assertThat(snapshot(app)).isEqualTo(first);
			assertThat(PRINTED_KEY.matcher(output.getOut().substring(printedBefore)).find())
				.as("a second start prints no key")
				.isFalse();
			graphQl(app, adminKey).document("{ node(id: \"dec:loan-2026-0421\") { id kind } }")
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
			// V0012: the name index is updated beside the writers, not inside each
			// commit.
			assertThat(session
				.run("SHOW INDEXES YIELD name, options WHERE name = 'node_name_search' "
						+ "RETURN options.indexConfig['fulltext.eventually_consistent'] AS eventual")
				.single()
				.get("eventual")
				.asBoolean()).isTrue();
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

	private static HttpGraphQlTester graphQl(ConfigurableApplicationContext app, String apiKey) {
		String port = app.getEnvironment().getProperty("local.server.port");
		WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port + "/graphql");
		if (apiKey != null) {
			client.defaultHeader("X-API-Key", apiKey);
		}
		return HttpGraphQlTester.create(client.build());
	}

}
