package dev.provenant.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits hold across three instances on one database: what a principal takes
 * through one instance, and the bad keys an address guesses through one, count on the
 * others once they have settled with the store. The first two instances settle only when
 * told to here, so what each knows at each step is certain; the third settles on its own
 * schedule, every quarter second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = { "provenant.test.store=shared-limits", "provenant.security.rate-limit.requests=6",
		"provenant.security.rate-limit.period=1h", "provenant.security.failed-credentials.attempts=4",
		"provenant.security.failed-credentials.period=1h", "provenant.security.limits-sync-interval=1h" })
class SharedLimitsIT extends GraphQlIT {

	private static final String QUERY = "{ __typename }";

	@Autowired
	private ApplicationContext context;

	private final List<ConfigurableApplicationContext> others = new ArrayList<>();

	private final List<WebTestClient> instances = new ArrayList<>();

	private final List<SharedBuckets> settlers = new ArrayList<>();

	@BeforeAll
	void startTwoMoreInstances() throws Exception {
		this.instances.add(client(this.port));
		this.settlers.add(this.context.getBean(SharedBuckets.class));
		for (int i = 0; i < 2; i++) {
			// the third (i == 1) settles on its own schedule
			ConfigurableApplicationContext other = startAnotherInstance("--provenant.security.rate-limit.requests=6",
					"--provenant.security.rate-limit.period=1h", "--provenant.security.failed-credentials.attempts=4",
					"--provenant.security.failed-credentials.period=1h",
					"--provenant.security.limits-sync-interval=" + ((i == 0) ? "1h" : "250ms"));
			this.others.add(other);
			this.instances.add(client(port(other)));
			if (i == 0) {
				this.settlers.add(other.getBean(SharedBuckets.class));
			}
		}
	}

	@AfterAll
	void stopThem() {
		this.others.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	@Order(1)
	void aPrincipalsRequestsThroughOneInstanceCountOnTheOthers() throws Exception {
		// four of the reader's six through the first instance, two through the second
		for (int i = 0; i < 4; i++) {
			assertThat(status(this.instances.get(0), TestKeys.READER)).isEqualTo(HttpStatus.OK);
		}
		assertThat(status(this.instances.get(1), TestKeys.READER)).isEqualTo(HttpStatus.OK);
		assertThat(status(this.instances.get(1), TestKeys.READER)).isEqualTo(HttpStatus.OK);
		settleEverywhere();

		// alone, each of the first two would allow another two or four
		assertThat(status(this.instances.get(0), TestKeys.READER)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(this.instances.get(1), TestKeys.READER)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// the third, which has seen none, refuses too once its own schedule has settled:
		// well before it has allowed the six it would alone
		assertThat(allowedBeforeRefused(this.instances.get(2), TestKeys.READER)).isLessThan(6);
		// another principal's bucket is its own
		assertThat(status(this.instances.get(0), TestKeys.AUDITOR)).isEqualTo(HttpStatus.OK);
	}

	@Test
	@Order(2)
	void requestsSpreadOverInstancesBetweenSettlementsAreOwedAfterwards() {
		// between two settlements each instance decides alone: six each
		for (int instance = 0; instance < 2; instance++) {
			for (int i = 0; i < 6; i++) {
				assertThat(status(this.instances.get(instance), TestKeys.OPERATOR)).isEqualTo(HttpStatus.OK);
			}
		}
		settleEverywhere();
		// the six taken beyond the six are a debt: refused on both, though each alone has
		// seen only its six, and the bucket is not refilled as soon as six are due again
		assertThat(status(this.instances.get(0), TestKeys.OPERATOR)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(this.instances.get(1), TestKeys.OPERATOR)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		try (var session = this.driver.session()) {
			double tokens = session.run("MATCH (b:RateLimitBucket {key: 'test-operator'}) RETURN b.tokens AS tokens")
				.single()
				.get("tokens")
				.asDouble();
			assertThat(tokens).as("the operator's shared bucket").isLessThan(-5.9);
		}
	}

	@Test
	@Order(4)
	void badKeysGuessedThroughTwoInstancesBlockTheAddressOnTheThird() throws Exception {
		// the address's four bad keys: two through the first instance, two through the
		// second
		for (int i = 0; i < 4; i++) {
			assertThat(status(this.instances.get(i / 2), "guess-" + i + "-f3a9c1e07b5d42e8a6c0d9b1"))
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		settleEverywhere();

		// the third has seen none of them, and once settled refuses the address
		// unchecked,
		// even with a good key
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String refused = null;
		while (refused == null && System.nanoTime() < deadline) {
			WebTestClient.ResponseSpec response = request(this.instances.get(2), TestKeys.GOVERNOR);
			var result = response.returnResult(String.class);
			if (result.getStatus().value() == 429) {
				refused = String.join("", result.getResponseBody().collectList().block());
			}
			else {
				Thread.sleep(100);
			}
		}
		assertThat(refused).as("the third instance's answer once it has settled").isNotNull();
		assertThat(refused).contains(FailedCredentials.CODE);
	}

	@Test
	@Order(3)
	void theSharedBucketsAreOutsideTheProofAndTheAuditLogStillVerifies() {
		status(this.instances.get(0), TestKeys.WRITER);
		settleEverywhere();
		Map<String, Object> verified = this.instances.get(1)
			.post()
			.uri("/graphql")
			.header("X-API-Key", TestKeys.ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ verifyAuditLog { ok problem } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(verified).as("verifyAuditLog").doesNotContainKey("errors");
		assertThat(verified.toString()).contains("ok=true");
		try (var session = this.driver.session()) {
			assertThat(session.run("MATCH (b:RateLimitBucket) RETURN count(b) AS n").single().get("n").asLong())
				.as("buckets kept in the store")
				.isPositive();
		}
	}

	/** Requests the instance allowed before it refused one, sent ten a second. */
	private static int allowedBeforeRefused(WebTestClient instance, String key) throws InterruptedException {
		for (int allowed = 0; allowed < 6; allowed++) {
			if (status(instance, key) == HttpStatus.TOO_MANY_REQUESTS) {
				return allowed;
			}
			Thread.sleep(100);
		}
		return 6;
	}

	/** The first two instances each hand in what they took, then read what all took. */
	private void settleEverywhere() {
		this.settlers.forEach(SharedBuckets::settle);
		this.settlers.forEach(SharedBuckets::settle);
	}

	private static HttpStatus status(WebTestClient instance, String key) {
		return HttpStatus.valueOf(request(instance, key).returnResult(String.class).getStatus().value());
	}

	private static WebTestClient.ResponseSpec request(WebTestClient instance, String key) {
		return instance.post()
			.uri("/graphql")
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", QUERY))
			.exchange();
	}

	private WebTestClient client(int port) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

}
