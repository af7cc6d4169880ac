package dev.provenant.support;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.provenant.ProvenantApplication;
import dev.provenant.dependency.DependencyIndex;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole service on a random port, driven through its
 * real HTTP GraphQL endpoint, against a real Neo4j over Bolt. All test classes share one
 * application context (and so one database); each test keeps to its own ids through
 * {@link #id(String)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "provenant.ingest.max-batch-records=500", "provenant.api.max-page-size=1000",
				"provenant.api.max-query-complexity=20000", "provenant.api.max-request-bytes=1000000",
				"provenant.security.rate-limit.requests=0", "provenant.security.failed-credentials.attempts=0",
				"provenant.store.transaction-timeout=5s", TestKeys.SETTING, TestKeys.APPROVERS })
@Import(GraphQlIT.TestClock.class)
public abstract class GraphQlIT {

	private static final String SIGNING_KEY_FILE = "provenant.prov.signing-key-file";

	/**
	 * Replaces the service's clock, so tests can move time (e.g. past a review deadline).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	@Autowired
	protected MutableClock clock;

	@LocalServerPort
	protected int port;

	@Autowired
	protected org.neo4j.driver.Driver driver;

	@Autowired
	private DependencyIndex index;

	@Autowired
	private ApplicationContext applicationContext;

	protected HttpGraphQlTester graphQl;

	private String prefix;

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		Neo4jUnderTest.register(registry);
	}

	@BeforeEach
	void connect() throws InterruptedException {
		// Closures come from the dependency index once it is built (in the background,
		// right after startup): wait, so that tests exercise the path users get.
		awaitReady(this.index);
		this.graphQl = as(TestKeys.ADMIN);
		this.prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
		this.clock.reset();
	}

	/**
	 * Another instance of the service on this context's database, on a port of its own,
	 * with the tests' API keys, this instance's signing key and a data directory of its
	 * own, once its index is ready: as a second replica behind a load balancer. The
	 * caller closes it.
	 * @param settings more {@code --name=value} arguments
	 */
	protected ConfigurableApplicationContext startAnotherInstance(String... settings) throws Exception {
		Environment environment = this.applicationContext.getEnvironment();
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--" + TestKeys.SETTING, "--spring.main.banner-mode=off",
						"--provenant.embedded.data-dir=" + Files.createTempDirectory("provenant-instance-"),
						// Replicas of one service sign with one key.
						"--" + SIGNING_KEY_FILE + "=" + environment.getRequiredProperty(SIGNING_KEY_FILE)));
		arguments.addAll(List.of(Neo4jUnderTest.sameDatabase(environment,
				this.applicationContext.getBean(Neo4jConnectionDetails.class).getUri())));
		arguments.addAll(List.of(settings));
		ConfigurableApplicationContext other = new SpringApplicationBuilder(ProvenantApplication.class)
			.run(arguments.toArray(String[]::new));
		awaitReady(other.getBean(DependencyIndex.class));
		return other;
	}

	/** The HTTP port another instance listens on. */
	protected static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

	/** Waits up to a minute for an instance's dependency index to be built. */
	protected static void awaitReady(DependencyIndex index) throws InterruptedException {
		for (int i = 0; i < 600 && !index.ready(); i++) {
			Thread.sleep(100);
		}
	}

	/** A tester that sends this API key; {@code null} sends none. */
	protected HttpGraphQlTester as(String apiKey) {
		return graphQl((apiKey != null) ? "X-API-Key" : null, apiKey);
	}

	/** A tester that sends {@code Authorization: Bearer <token>}. */
	protected HttpGraphQlTester bearer(String token) {
		return graphQl("Authorization", "Bearer " + token);
	}

	/**
	 * Plain HTTP to the service's root, sending this API key; {@code null} sends none.
	 */
	protected WebTestClient http(String apiKey) {
		return client("", (apiKey != null) ? "X-API-Key" : null, apiKey).build();
	}

	/** What Prometheus scrapes from the service, read with an operator's key. */
	protected String prometheusScrape() {
		return http(TestKeys.OPERATOR).get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private HttpGraphQlTester graphQl(String header, String value) {
		// Generous: a slow machine running many writers at once should slow tests down,
		// not fail them.
		return HttpGraphQlTester.builder(client("/graphql", header, value))
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
	}

	private WebTestClient.Builder client(String path, String header, String value) {
		// As generous as the GraphQL tester's: a loaded machine slows tests, it must not
		// fail them.
		WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port + path)
			.responseTimeout(java.time.Duration.ofSeconds(60));
		if (header != null) {
			client.defaultHeader(header, value);
		}
		return client;
	}

	/**
	 * An id unique to this test, so tests sharing the database never see each other's
	 * records.
	 */
	protected String id(String local) {
		return this.prefix + local;
	}

	/** Ids unique to this test, e.g. for {@code containsExactly}. */
	protected String[] ids(String... locals) {
		return java.util.Arrays.stream(locals).map(this::id).toArray(String[]::new);
	}

	protected Story story() {
		return new Story(this::id);
	}

	/** Quarantines one of this test's nodes, failing the test unless it works. */
	protected void quarantine(String local) {
		this.graphQl.documentName("quarantine")
			.variable("id", id(local))
			.variable("reason", "suspect")
			.variable("note", "test")
			.execute()
			.path("quarantine.node.quarantined")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	/** Marks one of this test's actions rolled back, failing the test unless it works. */
	protected void markRolledBack(String local, String by, String reason) {
		this.graphQl.documentName("markRolledBack")
			.variable("actionId", id(local))
			.variable("note", by)
			.variable("reason", reason)
			.execute()
			.path("markRolledBack.status")
			.entity(String.class)
			.isEqualTo("ROLLED_BACK");
	}

	/**
	 * Approves one of this test's pending decisions as one of its approvers (the admin
	 * key reviews on their behalf), failing the test unless it works.
	 */
	protected void approve(String decision, String approver) {
		this.graphQl.documentName("review")
			.variable("decisionId", id(decision))
			.variable("approverId", id(approver))
			.variable("verdict", "APPROVE")
			.variable("rationale", "checked")
			.execute()
			.path("review.reviewState")
			.entity(String.class)
			.isEqualTo("APPROVED");
	}

	/** Releases one of this test's nodes, failing the test unless it works. */
	protected void release(String local) {
		this.graphQl.documentName("release")
			.variable("id", id(local))
			.variable("reason", "cleared")
			.variable("note", "test")
			.execute()
			.path("release.node.quarantined")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

}
