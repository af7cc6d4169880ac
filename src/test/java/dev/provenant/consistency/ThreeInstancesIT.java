package dev.provenant.consistency;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.provenant.events.GovernanceEvents;
import dev.provenant.graph.Utc;
import dev.provenant.load.LoadCommand;
import dev.provenant.signing.ServiceKey;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three instances on one database, as behind a load balancer: this test's service and two
 * more started on the same Neo4j with the shared signing key. What a client writes
 * through one it reads through another once it sends back the mutation's consistency
 * token; concurrent writers through all three leave every instance with the same answers
 * as Cypher's; a token is only ever one the service issued; a subscriber hears the events
 * of every instance, and resumes on any after a cursor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// A store of its own: the load command leaves pending reviews that other tests' queues
// must not see.
@TestPropertySource(properties = "provenant.test.store=three-instances")
class ThreeInstancesIT extends GraphQlIT {

	private static final String INGEST = """
			mutation ($batch: ProvenanceBatch!) { ingest(batch: $batch) { created } }""";

	private static final String ROLL_BACK = """
			mutation ($id: ID!) { markRolledBack(actionId: $id, reason: "incident 42") { status } }""";

	private static final String QUARANTINE = """
			mutation ($id: ID!) { quarantine(id: $id, reason: "suspect feed") { decisionCount } }""";

	private static final String RELEASE = """
			mutation ($id: ID!) { release(id: $id, reason: "feed fixed") { decisionCount } }""";

	private static final String CLOSURES = """
			query ($id: ID!, $asOf: DateTime) {
			  blastRadius(id: $id, asOf: $asOf) {
			    decisionCount actionCount
			    decisions(first: 1000) { edges { node { id } } }
			    actions(first: 1000) { edges { node { id status } } }
			  }
			  rollbackScope(id: $id, asOf: $asOf) { stepCount steps(first: 1000) { edges { node { position action { id } } } } }
			}""";

	private static final String SEARCH = """
			query ($text: String!) { search(text: $text) { node { id } } }""";

	@Autowired
	private ServiceKey key;

	private final List<ConfigurableApplicationContext> others = new ArrayList<>();

	/** This instance and the two others, for round robin. */
	private final List<WebTestClient> instances = new ArrayList<>();

	@BeforeAll
	void startTwoMoreInstances() throws Exception {
		this.instances.add(client(this.port));
		for (int i = 0; i < 2; i++) {
			ConfigurableApplicationContext other = startAnotherInstance("--provenant.consistency.wait=500ms");
			this.others.add(other);
			this.instances.add(client(port(other)));
		}
	}

	@AfterAll
	void stopThem() {
		this.others.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aClientThatSendsBackItsTokenReadsItsWritesThroughAnyInstance() {
		Story story = story().dataSource("s").feature("f", "s");
		Map<String, Object> written = post(this.instances.get(0), INGEST, Map.of("batch", story.batch()), null);
		String token = token(written);
		for (int i = 0; i < 20; i++) {
			// each round: write a decision and its action through one instance, read
			// through the next
			WebTestClient writer = this.instances.get(i % 3);
			WebTestClient reader = this.instances.get((i + 1) % 3);
			Story more = story().decision("d" + i, "2026-03-01T10:00:00Z", "f")
				.action("a" + i, "2026-03-01T10:01:00Z", "d" + i);
			token = token(post(writer, INGEST, Map.of("batch", more.batch()), token));
			Map<String, Object> read = data(post(reader, CLOSURES, Map.of("id", id("s")), token));
			assertThat(read).extractingByKey("blastRadius")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.as("round %d", i)
				.containsEntry("decisionCount", i + 1)
				.containsEntry("actionCount", i + 1);
		}
		// a rollback tool marks an action through one instance and reads the plan through
		// another
		token = token(post(this.instances.get(2), ROLL_BACK, Map.of("id", id("a7")), token));
		Map<String, Object> plan = data(post(this.instances.get(1), CLOSURES, Map.of("id", id("d7")), token));
		assertThat(plan.toString()).contains("status=ROLLED_BACK");
	}

	/**
	 * The name index is eventually consistent, and a search first waits for what the
	 * database has pending: the last of many nodes written through one instance is found
	 * by its name through the next at once, with no token.
	 */
	@Test
	void aNameWrittenThroughOneInstanceIsFoundThroughTheNextAtOnce() {
		// Not a word of any id: how the index splits ids depends on their characters.
		String tag = "tag" + id("").substring(1, 9);
		for (int round = 0; round < 6; round++) {
			Story named = story();
			for (int i = 0; i < 400; i++) {
				named.dataSource("named" + round + "-" + i).with("name", tag + " ledger r" + round + "x" + i);
			}
			post(this.instances.get(round % 3), INGEST, Map.of("batch", named.batch()), null);
			Map<String, Object> found = data(post(this.instances.get((round + 1) % 3), SEARCH,
					Map.of("text", tag + " ledger r" + round + "x399"), null));
			assertThat(found).as("round %d", round)
				.hasToString("{search=[{node={id=" + id("named" + round + "-399") + "}}]}");
		}
	}

	@Test
	void concurrentWritersThroughEveryInstanceLeaveTheSameAnswersEverywhereAsCypherGives() throws Exception {
		story().dataSource("src").feature("feat", "src").ingest(this.graphQl);
		ExecutorService writers = Executors.newFixedThreadPool(3);
		try {
			List<Future<String>> done = new ArrayList<>();
			for (int w = 0; w < 3; w++) {
				WebTestClient instance = this.instances.get(w);
				int writer = w;
				done.add(writers.submit(() -> {
					String token = null;
					for (int i = 0; i < 15; i++) {
						Story one = story().decision("w" + writer + "d" + i, "2026-05-01T10:00:00Z", "feat")
							.action("w" + writer + "a" + i, "2026-05-01T10:01:00Z", "w" + writer + "d" + i);
						token = token(post(instance, INGEST, Map.of("batch", one.batch()), null));
					}
					return token;
				}));
			}
			List<String> tokens = new ArrayList<>();
			for (Future<String> writer : done) {
				tokens.add(writer.get());
			}
			for (int reader = 0; reader < 3; reader++) {
				WebTestClient instance = this.instances.get(reader);
				// each writer's last token, so the reader has caught up to all of them
				tokens.forEach(token -> post(instance, "{ __typename }", Map.of(), token));
				for (String root : List.of("src", "feat")) {
					Map<String, Object> fromIndex = data(post(instance, CLOSURES, Map.of("id", id(root)), null));
					Map<String, Object> fromCypher = data(
							post(instance, CLOSURES, Map.of("id", id(root), "asOf", Utc.END_OF_TIME.toString()), null));
					assertThat(fromIndex).as("instance %d, %s", reader, root).isEqualTo(fromCypher);
					assertThat(fromIndex).extractingByKey("blastRadius")
						.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
						.containsEntry("decisionCount", 45)
						.containsEntry("actionCount", 45);
				}
			}
		}
		finally {
			writers.shutdownNow();
		}
	}

	@Test
	void aTokenTheServiceDidNotIssueIsRefusedAndChangesNothing() {
		String issued = token(
				post(this.instances.get(0), INGEST, Map.of("batch", story().dataSource("t1").batch()), null));
		String[] parts = issued.split("\\.");
		// the same claims with another signature, a made-up text, and one signed by
		// another key
		String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
		for (String token : List.of(forged, "seq=999999", "eyJhbGciOiJub25lIn0.eyJzZXEiOjF9.")) {
			this.instances.get(1)
				.post()
				.uri("/graphql")
				.header(ConsistencyFilter.HEADER, token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", INGEST, "variables", Map.of("batch", story().dataSource("t2").batch())))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("BAD_REQUEST")
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("INVALID_CONSISTENCY_TOKEN");
		}
		assertThat(data(
				post(this.instances.get(0), "query ($id: ID!) { node(id: $id) { id } }", Map.of("id", id("t2")), null)))
			.containsEntry("node", null);
	}

	@Test
	void anInstanceThatCannotCatchUpInTimeSaysSoAndAClientWithoutACredentialIsNotMadeToWait() {
		// a token for a state no instance has reached yet, signed as the service signs
		String ahead = new ConsistencyToken(1_000_000_000L, Set.of()).encode(this.key);
		long started = System.nanoTime();
		this.instances.get(1)
			.post()
			.uri("/graphql")
			.header(ConsistencyFilter.HEADER, ahead)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __typename }"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("UNAVAILABLE")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("CONSISTENCY_NOT_REACHED");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		// without a credential the token is not waited for: the caller is refused as ever
		long anonymous = System.nanoTime();
		WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/graphql")
			.header(ConsistencyFilter.HEADER, ahead)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ node(id: \"x\") { id } }"))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("UNAUTHORIZED");
		assertThat(Duration.ofNanos(System.nanoTime() - anonymous)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aSubscriberOnOneInstanceHearsEveryEventWrittenThroughTheOthersOnceInOrderAndResumesAfterACursor()
			throws Exception {
		story().dataSource("q1").dataSource("q2").ingest(this.graphQl);
		String subscription = "subscription($after: String) { governanceEvents(types: [QUARANTINED, RELEASED], "
				+ "after: $after) { id type subjectId cursor } }";
		GovernanceEvents second = this.others.get(0).getBean(GovernanceEvents.class);
		int before = second.listeners();
		CompletableFuture<List<Map<String, Object>>> heard = new CompletableFuture<>();
		Disposable listening = socket(this.others.get(0)).document(subscription)
			.executeSubscription()
			.map(ThreeInstancesIT::event)
			.filter(event -> String.valueOf(event.get("subjectId")).startsWith(id("")))
			.take(3)
			.collectList()
			.subscribe(heard::complete, heard::completeExceptionally);
		try {
			for (int i = 0; i < 200 && second.listeners() <= before; i++) {
				Thread.sleep(20);
			}
			// written through the first and the third instance
			post(this.instances.get(0), QUARANTINE, Map.of("id", id("q1")), null);
			post(this.instances.get(2), QUARANTINE, Map.of("id", id("q2")), null);
			post(this.instances.get(2), RELEASE, Map.of("id", id("q1")), null);
			List<Map<String, Object>> events = heard.get(20, TimeUnit.SECONDS);
			assertThat(events).extracting(event -> event.get("type") + " " + event.get("subjectId"))
				.containsExactly("QUARANTINED " + id("q1"), "QUARANTINED " + id("q2"), "RELEASED " + id("q1"));
			assertThat(events).extracting(event -> event.get("id")).doesNotHaveDuplicates();
			List<Long> cursors = events.stream().map(event -> Long.parseLong((String) event.get("cursor"))).toList();
			assertThat(cursors).isSorted().doesNotHaveDuplicates();

			// another instance, resuming after the first event: the two after it, from
			// the log
			List<Map<String, Object>> resumed = socket(this.others.get(1)).document(subscription)
				.variable("after", events.get(0).get("cursor"))
				.executeSubscription()
				.map(ThreeInstancesIT::event)
				.filter(event -> String.valueOf(event.get("subjectId")).startsWith(id("")))
				.take(2)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(resumed).isEqualTo(events.subList(1, 3));
		}
		finally {
			listening.dispose();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSubscriberSendsItsTokenInConnectionInitAndAForgedOneIsRefused() throws Exception {
		String token = token(
				post(this.instances.get(0), INGEST, Map.of("batch", story().dataSource("c1").batch()), null));
		GovernanceEvents third = this.others.get(1).getBean(GovernanceEvents.class);
		int before = third.listeners();
		CompletableFuture<Map<String, Object>> heard = new CompletableFuture<>();
		Disposable listening = socketWithInit(this.others.get(1), token)
			.document("subscription { quarantines { type subjectId } }")
			.executeSubscription()
			.map(response -> (Map<String, Object>) ((Map<?, ?>) response.toMap().get("data")).get("quarantines"))
			.filter(event -> id("c1").equals(event.get("subjectId")))
			.next()
			.subscribe(heard::complete, heard::completeExceptionally);
		try {
			for (int i = 0; i < 200 && third.listeners() <= before; i++) {
				Thread.sleep(20);
			}
			post(this.instances.get(0), QUARANTINE, Map.of("id", id("c1")), token);
			assertThat(heard.get(20, TimeUnit.SECONDS)).containsEntry("type", "QUARANTINED");
		}
		finally {
			listening.dispose();
		}
		String forged = token.substring(0, token.length() - 4) + "AAAA";
		assertThatThrownBy(
				() -> socketWithInit(this.others.get(1), forged).document("subscription { quarantines { type } }")
					.executeSubscription()
					.blockFirst(Duration.ofSeconds(20)))
			.isNotNull();
	}

	private static WebSocketGraphQlClient socketWithInit(ConfigurableApplicationContext instance, String token) {
		return WebSocketGraphQlClient
			.builder(URI
				.create("ws://localhost:" + instance.getEnvironment().getProperty("local.server.port") + "/graphql"),
					new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("X-API-Key", TestKeys.ADMIN, ConsistencyFilter.HEADER, token));
				}
			})
			.build();
	}

	@Test
	void theLoadCommandDrivesAllThreeInRoundRobinWithoutAFailedRequest() {
		String urls = String.join(",",
				List.of(this.port, port(0), port(1)).stream().map(port -> "http://localhost:" + port).toList());
		assertThat(LoadCommand.run("--url", urls, "--api-key", TestKeys.ADMIN, "--duration", "4s", "--clients", "3",
				"--seed-decisions", "20"))
			.as("the load command's exit status (1: a request failed)")
			.isZero();
	}

	private int port(int other) {
		return Integer.parseInt(this.others.get(other).getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void queriesCarryNoTokenAndMutationsAlwaysDo() {
		Map<String, Object> query = post(this.instances.get(0), "{ __typename }", Map.of(), null);
		assertThat(query).doesNotContainKey("extensions");
		Map<String, Object> batch = story().dataSource("u1").batch();
		assertThat(token(post(this.instances.get(0), INGEST, Map.of("batch", batch), null))).isNotBlank();
		// a mutation that changes nothing still says what the instance had seen
		Map<String, Object> unchanged = post(this.instances.get(1), INGEST, Map.of("batch", batch), null);
		assertThat(unchanged).extractingByKey("data").asString().contains("created=0");
		assertThat(token(unchanged)).isNotBlank();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> event(ClientGraphQlResponse response) {
		return (Map<String, Object>) ((Map<String, Object>) response.toMap().get("data")).get("governanceEvents");
	}

	private static WebSocketGraphQlClient socket(ConfigurableApplicationContext instance) {
		return WebSocketGraphQlClient
			.builder(URI
				.create("ws://localhost:" + instance.getEnvironment().getProperty("local.server.port") + "/graphql"),
					new StandardWebSocketClient())
			.header("X-API-Key", TestKeys.ADMIN)
			.build();
	}

	private WebTestClient client(int port) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader("X-API-Key", TestKeys.ADMIN)
			.build();
	}

	private static Map<String, Object> post(WebTestClient instance, String query, Map<String, Object> variables,
			String token) {
		return instance.post().uri("/graphql").headers(headers -> {
			if (token != null) {
				headers.set(ConsistencyFilter.HEADER, token);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> response) {
		assertThat(response).doesNotContainKey("errors");
		return (Map<String, Object>) response.get("data");
	}

	@SuppressWarnings("unchecked")
	private static String token(Map<String, Object> response) {
		assertThat(response).doesNotContainKey("errors");
		Map<String, Object> extensions = (Map<String, Object>) response.get("extensions");
		assertThat(extensions).as("a mutation's extensions").containsKey(ConsistencyFilter.EXTENSION);
		return (String) extensions.get(ConsistencyFilter.EXTENSION);
	}

}
