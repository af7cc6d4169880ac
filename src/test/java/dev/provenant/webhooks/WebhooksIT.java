package dev.provenant.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against a real HTTP receiver: signed as Standard Webhooks, sent only to the
 * endpoints that want the event, retried with the same id until they answer, recorded as
 * delivered or failed, and sent again on request.
 */
@TestPropertySource(properties = { "provenant.webhooks.max-attempts=3", "provenant.webhooks.initial-backoff=100ms",
		"provenant.webhooks.max-backoff=300ms", "provenant.webhooks.poll-interval=100ms",
		"provenant.webhooks.timeout=2s" })
class WebhooksIT extends GraphQlIT {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Receiver receiver = Receiver.start();

	@Autowired
	private WebhookDispatcher dispatcher;

	private static final String DELIVERIES = """
			query($endpoint: String) { webhookDeliveries(endpoint: $endpoint, first: 1000) { edges { node {
			  id endpoint eventId eventType state attempts lastStatus lastError deliveredAt nextAttemptAt payload } } } }""";

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		endpoint(registry, 0, "chat", "ESCALATION,REVIEW_OVERDUE");
		endpoint(registry, 1, "flaky", "QUARANTINED");
		endpoint(registry, 2, "down", "RELEASED");
	}

	private static void endpoint(DynamicPropertyRegistry registry, int index, String name, String events) {
		String prefix = "provenant.webhooks.endpoints[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "url", () -> receiver.url(name));
		registry.add(prefix + "secret", () -> SECRET);
		registry.add(prefix + "events", () -> events);
	}

	@Test
	void anEscalationIsDeliveredSignedToTheEndpointsThatWantIt() throws Exception {
		pendingDecision("d1");
		String eventId = "escalation:" + id("d1");

		Received received = receiver.await("chat", request -> eventId.equals(request.header("webhook-id")), 1).get(0);
		long timestamp = Long.parseLong(received.header("webhook-timestamp"));
		assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
		assertThat(received.header("webhook-signature"))
			.isEqualTo("v1," + hmac(eventId + "." + timestamp + "." + received.body()));
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		@SuppressWarnings("unchecked")
		Map<String, Object> body = JSON.readValue(received.body(), Map.class);
		assertThat(body).containsEntry("id", eventId)
			.containsEntry("type", "ESCALATION")
			.containsEntry("subjectId", id("d1"))
			.containsKeys("at", "detail");

		Map<String, Object> delivery = awaitDelivery(eventId + "@chat", "DELIVERED");
		assertThat(delivery).containsEntry("attempts", 1).containsEntry("lastStatus", 200);
		assertThat(delivery.get("deliveredAt")).isNotNull();
		assertThat(deliveries(null))
			.noneMatch(d -> eventId.equals(d.get("eventId")) && !"chat".equals(d.get("endpoint")));

		String metrics = prometheusScrape();
		assertThat(metrics).contains("provenant_webhook_attempts_total{endpoint=\"chat\",outcome=\"delivered\"",
				"provenant_governance_events_total{type=\"ESCALATION\"");
	}

	@Test
	void aWriteThatRollsBackSendsNothing() throws Exception {
		this.graphQl.documentName("ingest")
			.variable("batch", story().decision("d1", now(), "no-such-feature").with("route", "HUMAN_REVIEW").batch())
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "BAD_REQUEST"));
		pendingDecision("after");
		awaitDelivery("escalation:" + id("after") + "@chat", "DELIVERED");
		assertThat(deliveries("chat")).noneMatch(d -> d.get("eventId").equals("escalation:" + id("d1")));
		assertThat(receiver.all("chat")).noneMatch(r -> ("escalation:" + id("d1")).equals(r.header("webhook-id")));
	}

	@Test
	void aFailingEndpointIsRetriedWithTheSameIdUntilItAnswers() throws Exception {
		story().dataSource("crm").ingest(this.graphQl);
		quarantine("crm");

		List<Received> attempts = receiver.await("flaky",
				request -> String.valueOf(request.header("webhook-id")).startsWith("quarantined:" + id("crm")), 3);
		assertThat(attempts).extracting(request -> request.header("Provenant-Attempt")).containsExactly("1", "2", "3");
		assertThat(attempts).extracting(request -> request.header("webhook-id"))
			.containsOnly(attempts.get(0).header("webhook-id"));
		Map<String, Object> delivery = awaitDelivery(attempts.get(0).header("webhook-id") + "@flaky", "DELIVERED");
		assertThat(delivery).containsEntry("attempts", 3).containsEntry("lastStatus", 200);
	}

	@Test
	void aDeliveryThatRunsOutOfAttemptsIsRecordedFailedAndCanBeSentAgain() throws Exception {
		receiver.down.set(true);
		try {
			story().dataSource("crm").ingest(this.graphQl);
			quarantine("crm");
			release("crm");
			List<Received> attempts = receiver.await("down",
					request -> String.valueOf(request.header("webhook-id")).startsWith("released:" + id("crm")), 3);
			String deliveryId = attempts.get(0).header("Provenant-Delivery");
			Map<String, Object> failed = awaitDelivery(deliveryId, "FAILED");
			assertThat(failed).containsEntry("attempts", 3)
				.containsEntry("lastStatus", 503)
				.containsEntry("lastError", "HTTP 503")
				.containsEntry("nextAttemptAt", null);

			receiver.down.set(false);
			as(TestKeys.OPERATOR).document("mutation($id: ID!) { redeliverWebhook(id: $id) { state attempts } }")
				.variable("id", deliveryId)
				.execute()
				.path("redeliverWebhook.state")
				.entity(String.class)
				.isEqualTo("PENDING");
			assertThat(awaitDelivery(deliveryId, "DELIVERED")).containsEntry("attempts", 1);
		}
		finally {
			receiver.down.set(false);
		}
	}

	@Test
	void settledDeliveriesAreForgottenAfterTheRetentionPendingOnesNever() throws Exception {
		pendingDecision("d1");
		String delivered = "escalation:" + id("d1") + "@chat";
		awaitDelivery(delivered, "DELIVERED");
		String pending = id("pending") + "@chat";
		try (var session = this.driver.session()) {
			session
				.run("CREATE (:WebhookDelivery {id: $id, endpoint: 'chat', eventId: $id, eventType: 'ESCALATION', "
						+ "payload: '{}', state: 'PENDING', attempts: 0, createdAt: datetime('2020-01-01T00:00:00Z'), "
						+ "nextAttemptAt: datetime('9999-01-01T00:00:00Z')})", Map.of("id", pending))
				.consume();
		}
		this.dispatcher.forgetSettledBefore(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1));

		assertThat(deliveries("chat")).extracting(d -> d.get("id")).doesNotContain(delivered).contains(pending);
	}

	@Test
	void deliveriesAreForOperators() {
		as(TestKeys.READER).document(DELIVERIES)
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "FORBIDDEN"));
		as(TestKeys.OPERATOR).document("mutation { redeliverWebhook(id: \"nothing@chat\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "NOT_FOUND"));
	}

	private void pendingDecision(String local) {
		story().dataSource("crm-" + local)
			.feature("f-" + local, "crm-" + local)
			.decision(local, now(), "f-" + local)
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
	}

	private static String now() {
		return OffsetDateTime.now(ZoneOffset.UTC).toString();
	}

	private List<Map<String, Object>> deliveries(String endpoint) {
		GraphQlTester.Response response = as(TestKeys.OPERATOR).document(DELIVERIES)
			.variable("endpoint", endpoint)
			.execute();
		return response.path("webhookDeliveries.edges[*].node").entityList(Map.class).get().stream().map(map -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> typed = map;
			return typed;
		}).toList();
	}

	private Map<String, Object> awaitDelivery(String id, String state) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Map<String, Object> last = null;
		while (System.nanoTime() < deadline) {
			last = deliveries(null).stream().filter(d -> id.equals(d.get("id"))).findFirst().orElse(null);
			if (last != null && state.equals(last.get("state"))) {
				return last;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Delivery " + id + " did not become " + state + "; last seen: " + last);
	}

	private static String hmac(String signed) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

	record Received(String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * A webhook receiver: "chat" answers 200, "flaky" 500 until an event's third attempt,
	 * "down" 503 while {@link #down} is set.
	 */
	static final class Receiver {

		final java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();

		private final Queue<Received> received = new ConcurrentLinkedQueue<>();

		private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

		private HttpServer server;

		static Receiver start() {
			Receiver receiver = new Receiver();
			try {
				receiver.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			receiver.server.createContext("/", receiver::handle);
			receiver.server.start();
			return receiver;
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/" + path;
		}

		private void handle(HttpExchange exchange) throws IOException {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String path = exchange.getRequestURI().getPath().substring(1);
			Received request = new Received(path, Map.copyOf(exchange.getRequestHeaders()), body);
			this.received.add(request);
			int status = switch (path) {
				case "flaky" ->
					(this.flakyAttempts.computeIfAbsent(request.header("webhook-id"), id -> new AtomicInteger())
						.incrementAndGet() < 3) ? 500 : 200;
				case "down" -> this.down.get() ? 503 : 200;
				default -> 200;
			};
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		}

		List<Received> all(String path) {
			return this.received.stream().filter(request -> request.path().equals(path)).toList();
		}

		List<Received> await(String path, Predicate<Received> filter, int count) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline) {
				List<Received> matching = all(path).stream().filter(filter).toList();
				if (matching.size() >= count) {
					return matching.subList(0, count);
				}
				Thread.sleep(50);
			}
			throw new AssertionError("The receiver did not get " + count + " matching requests at /" + path
					+ "; it got " + all(path).size());
		}

	}

}
