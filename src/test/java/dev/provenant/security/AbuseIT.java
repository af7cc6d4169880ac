package dev.provenant.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestIssuer;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the service's doors, tried with real HTTP and WebSocket clients: a caller
 * flooding REST, GraphQL and WebSocket messages, guessing keys (from addresses of its
 * own: requests here leave from 127.0.0.x sockets, so each test's address starts with a
 * full bucket), hoarding subscriptions, presenting a token meant for another service, and
 * asking for a lineage larger than any answer should carry. Each is refused with the
 * right status and classification, and writes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "provenant.security.rate-limit.requests=30",
		"provenant.security.rate-limit.period=1h", "provenant.security.failed-credentials.attempts=3",
		"provenant.security.failed-credentials.period=1h", "provenant.security.max-subscriptions-per-principal=3",
		"provenant.security.jwt.audiences=provenant,provenant-staging", "provenant.api.max-lineage-nodes=5",
		AbuseIT.KEYS })
class AbuseIT extends GraphQlIT {

	private static final String REST_KEY = "burst-rest-key-7c1e0b9a4d2f48a6b3e5c8d1f0a9";

	private static final String SOCKET_KEY = "burst-socket-key-2b8d4f6a0c1e49b7a5d3f8e2c6b0";

	private static final String SUBSCRIBER_KEY = "many-subs-key-9e3a7c5b1d0f42e8b6a4c2d9f7e1";

	static final String KEYS = TestKeys.SETTING + ",burst-rest:reader+writer:" + REST_KEY
			+ ",burst-socket:reader+writer:" + SOCKET_KEY + ",many-subs:reader:" + SUBSCRIBER_KEY;

	private static final TestIssuer ISSUER = new TestIssuer();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

	private static final String ESCALATIONS = "subscription { escalations { id } }";

	@Autowired
	private GovernanceEvents events;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		ISSUER.trustedBy(registry);
	}

	@Test
	void restEndpointsDrawOnThePrincipalsBucketLikeGraphQlAndHealthStaysOpen() {
		for (int i = 0; i < 29; i++) {
			as(REST_KEY).document("{ __typename }")
				.execute()
				.path("__typename")
				.entity(String.class)
				.isEqualTo("Query");
		}
		http(REST_KEY).get().uri("/api/v1/prov/{id}", id("none")).exchange().expectStatus().is4xxClientError();

		String namespace = id("flood");
		rateLimited(http(REST_KEY).post()
			.uri("/api/v1/lineage")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(openLineageRun(namespace))
			.exchange());
		rateLimited(http(REST_KEY).get().uri("/api/v1/prov/{id}", id("none")).exchange());
		rateLimited(http(REST_KEY).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"mutation { ingest(batch: {dataSources: [{id: \\\"" + namespace
					+ "-src\\\"}]}) { created } }\"}")
			.exchange());
		assertThat(nodesNamed(namespace)).isZero();

		http(REST_KEY).get().uri("/actuator/health").exchange().expectStatus().isOk();
		as(TestKeys.READER).document("{ __typename }")
			.execute()
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void aWebSocketClientSpammingOperationsGetsAnErrorForEachOneOverItsRate() throws Exception {
		try (Connection socket = connect(SOCKET_KEY)) {
			for (int i = 1; i <= 30; i++) {
				socket.subscribe("q" + i, "{ __typename }");
			}
			String namespace = id("spam");
			socket.subscribe("m31",
					"mutation { ingest(batch: {dataSources: [{id: \"" + namespace + "\"}]}) { created } }");
			socket.subscribe("q32", "{ __typename }");

			Map<String, Map<String, Object>> ends = socket.untilEnded(32);
			for (int i = 1; i <= 30; i++) {
				assertThat(ends.get("q" + i)).as("operation " + i).containsEntry("type", "complete");
			}
			for (String refused : List.of("m31", "q32")) {
				assertThat(ends.get(refused)).containsEntry("type", "error");
				assertThat(JSON.writeValueAsString(ends.get(refused))).contains("\"classification\":\"BAD_REQUEST\"",
						"\"code\":\"RATE_LIMITED\"");
			}
			assertThat(nodesNamed(namespace)).isZero();

			// The connection stays up, and HTTP draws on the same bucket.
			socket.send(Map.of("type", "ping"));
			assertThat(socket.next()).containsEntry("type", "pong");
		}
		rateLimited(http(SOCKET_KEY).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ __typename }\"}")
			.exchange());
	}

	@Test
	void aPrincipalsSubscriptionsAreCappedAcrossItsConnections() throws Exception {
		try (Connection first = connect(SUBSCRIBER_KEY);
				Connection second = connect(SUBSCRIBER_KEY);
				Connection other = connect(TestKeys.READER)) {
			int before = this.events.listeners();
			first.subscribe("s1", ESCALATIONS);
			first.subscribe("s2", ESCALATIONS);
			second.subscribe("s1", ESCALATIONS);
			await(() -> this.events.listeners() >= before + 3);

			second.subscribe("s2", ESCALATIONS);
			Map<String, Object> refused = second.next();
			assertThat(refused).containsEntry("type", "error").containsEntry("id", "s2");
			assertThat(JSON.writeValueAsString(refused)).contains("\"classification\":\"BAD_REQUEST\"",
					"\"code\":\"TOO_MANY_SUBSCRIPTIONS\"", "max-subscriptions-per-principal");

			// Another principal is not held back by this one's.
			other.subscribe("o1", ESCALATIONS);
			await(() -> this.events.listeners() >= before + 4);

			// Completing one makes room for another.
			first.send(Map.of("id", "s1", "type", "complete"));
			await(() -> this.events.listeners() <= before + 3);
			second.subscribe("s3", ESCALATIONS);
			await(() -> this.events.listeners() >= before + 4);
			assertThat(second.poll(Duration.ofMillis(300))).as("no refusal").isNull();
		}
	}

	@Test
	void badCredentialsFromOneAddressGetItRefusedBeforeAnyKeyIsCheckedAndAreLoggedWithoutTheKey(CapturedOutput output)
			throws Exception {
		String guesser = "127.0.0.7";
		List<String> guesses = List.of("guess-one-0123456789abcdefghijklmnopqrstuv",
				"guess-two-0123456789abcdefghijklmnopqrstuv", token(List.of("provenant"), -60));
		assertThat(from(guesser, ingest("with-bad-key"), "X-API-Key", guesses.get(0))).startsWith("HTTP/1.1 401")
			.contains("BAD_CREDENTIAL");
		assertThat(from(guesser, ingest("with-bad-bearer"), "Authorization", "Bearer " + guesses.get(1)))
			.startsWith("HTTP/1.1 401");
		assertThat(from(guesser, ingest("with-bad-token"), "Authorization", "Bearer " + guesses.get(2)))
			.startsWith("HTTP/1.1 401");

		String refused = from(guesser, ingest("with-good-key"), "X-API-Key", TestKeys.WRITER);
		assertThat(refused).startsWith("HTTP/1.1 429")
			.containsIgnoringCase("Retry-After:")
			.contains("\"classification\":\"UNAUTHORIZED\"", "\"code\":\"TOO_MANY_FAILED_CREDENTIALS\"");
		assertThat(nodesNamed(id("with-"))).isZero();

		// Without a credential the address can guess nothing, and is not refused; other
		// addresses are not held back.
		assertThat(from(guesser, "{\"query\":\"{ __typename }\"}", null, null)).startsWith("HTTP/1.1 200");
		assertThat(from("127.0.0.8", ingest("from-elsewhere"), "X-API-Key", TestKeys.WRITER))
			.startsWith("HTTP/1.1 200");
		assertThat(nodesNamed(id("from-elsewhere"))).isEqualTo(1);

		assertThat(output).contains("Refused an API key from " + guesser, "Refused a bearer token from " + guesser);
		for (String guess : guesses) {
			assertThat(output).doesNotContain(guess);
		}
	}

	@Test
	void badKeysInConnectionInitCountTooAndThenTheHandshakeIsRefused(CapturedOutput output) throws Exception {
		String guesser = "127.0.0.9";
		String guess = "socket-guess-0123456789abcdefghijklmnopqrstu";
		for (int i = 0; i < 3; i++) {
			assertThat(socketFrom(guesser, guess + i)).isEqualTo("closed 4401");
		}
		assertThat(socketFrom(guesser, TestKeys.READER)).startsWith("HTTP/1.1 429");
		assertThat(socketFrom(guesser, TestKeys.READER)).contains("TOO_MANY_FAILED_CREDENTIALS");
		assertThat(socketFrom("127.0.0.10", TestKeys.READER)).isEqualTo("acknowledged");
		assertThat(output).contains("Refused a credential in connection_init from " + guesser).doesNotContain(guess);
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		bearer(token(List.of("other-service", "provenant-staging"), 300))
			.document("{ lineage(id: \"none\") { truncated } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("NOT_FOUND"));
		String namespace = id("wrong-audience");
		for (List<String> audiences : List.of(List.of("other-service"), List.<String>of())) {
			assertThat(from("127.0.0.11", ingest("wrong-audience"), "Authorization", "Bearer " + token(audiences, 300)))
				.startsWith("HTTP/1.1 401")
				.contains("\"code\":\"BAD_CREDENTIAL\"", "audience");
		}
		assertThat(nodesNamed(namespace)).isZero();
	}

	@Test
	void aLineageLargerThanTheNodeLimitKeepsTheNearestAndSaysItIsTruncated() {
		story().dataSource("s1")
			.dataSource("s2")
			.dataSource("s3")
			.feature("f1", "s1")
			.feature("f2", "s2")
			.feature("f3", "s3")
			.decision("d", "2026-11-02T09:00:00Z", "f1", "f2", "f3")
			.ingest(this.graphQl);
		Map<String, Object> lineage = as(TestKeys.READER)
			.document("query($id: ID!) { lineage(id: $id, depth: 10) { nodes { id } edges { from to } "
					+ "hops { id distance } truncated } }")
			.variable("id", id("d"))
			.execute()
			.path("lineage")
			.entity(Map.class)
			.get();
		assertThat(lineage).containsEntry("truncated", true);
		assertThat(ids(lineage.get("nodes"))).containsExactlyElementsOf(story().ids("d", "f1", "f2", "f3", "s1"));
		assertThat(lineage.get("hops").toString()).contains("distance=0", "distance=1", "distance=2");
		for (Object edge : (List<?>) lineage.get("edges")) {
			assertThat(ids(lineage.get("nodes"))).contains(((Map<?, ?>) edge).get("from").toString(),
					((Map<?, ?>) edge).get("to").toString());
		}

		as(TestKeys.READER).document("query($id: ID!) { lineage(id: $id, depth: 10) { nodes { id } truncated } }")
			.variable("id", id("f1"))
			.execute()
			.path("lineage.truncated")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	private static void rateLimited(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("RATE_LIMITED");
	}

	private String ingest(String local) {
		return "{\"query\":\"mutation { ingest(batch: {dataSources: [{id: \\\"" + id(local)
				+ "\\\"}]}) { created } }\"}";
	}

	private static String openLineageRun(String namespace) {
		return """
				{"eventType": "COMPLETE", "eventTime": "2026-11-20T10:00:00Z", "producer": "https://example.com/test",
				 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
				 "run": {"runId": "%s"}, "job": {"namespace": "%s", "name": "job"},
				 "inputs": [{"namespace": "%s", "name": "in"}], "outputs": []}""".formatted(java.util.UUID.randomUUID(),
				namespace, namespace);
	}

	private long nodesNamed(String fragment) {
		try (var session = this.driver.session()) {
			return session
				.run("MATCH (n:Node) WHERE n.id CONTAINS $fragment RETURN count(n) AS n", Map.of("fragment", fragment))
				.single()
				.get("n")
				.asLong();
		}
	}

	private static List<String> ids(Object nodes) {
		return ((List<?>) nodes).stream().map(node -> ((Map<?, ?>) node).get("id").toString()).toList();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(condition.getAsBoolean()).as("in time").isTrue();
	}

	/**
	 * A GraphQL POST sent from a socket bound to {@code address}, with one header (or
	 * none); the raw response.
	 */
	private String from(String address, String body, String header, String value) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String request = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ ((header != null) ? header + ": " + value + "\r\n" : "") + "Content-Length: " + bytes.length
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = bound(address)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.write(bytes);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * A graphql-transport-ws handshake from a socket bound to {@code address}, then a
	 * {@code connection_init} carrying the key: "acknowledged", "closed &lt;code&gt;", or
	 * the HTTP response that refused the handshake.
	 */
	private String socketFrom(String address, String key) throws IOException {
		try (Socket socket = bound(address)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n"
					+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String head = head(in);
			if (!head.startsWith("HTTP/1.1 101")) {
				Matcher length = CONTENT_LENGTH.matcher(head);
				return head + (length.find()
						? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8) : "");
			}
			writeFrame(out,
					JSON.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of("X-API-Key", key))));
			int opcode = in.read() & 0x0f;
			byte[] payload = in.readNBytes(length(in));
			if (opcode == 0x8) {
				return "closed " + (((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
			}
			return new String(payload, StandardCharsets.UTF_8).contains("connection_ack") ? "acknowledged"
					: new String(payload, StandardCharsets.UTF_8);
		}
	}

	/** A connection to the service from {@code address}, one of the loopback's. */
	private Socket bound(String address) throws IOException {
		Socket socket = new Socket();
		socket.setSoTimeout(20_000);
		socket.bind(new InetSocketAddress(address, 0));
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
		return socket;
	}

	private static String head(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	/** A masked text frame, as a client must send. */
	private static void writeFrame(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] mask = new byte[4];
		new SecureRandom().nextBytes(mask);
		out.write(0x81);
		if (payload.length < 126) {
			out.write(0x80 | payload.length);
		}
		else {
			out.write(0x80 | 126);
			out.write(payload.length >> 8);
			out.write(payload.length & 0xff);
		}
		out.write(mask);
		for (int i = 0; i < payload.length; i++) {
			out.write(payload[i] ^ mask[i % 4]);
		}
		out.flush();
	}

	private static int length(InputStream in) throws IOException {
		int length = in.read() & 0x7f;
		if (length == 126) {
			return (in.read() << 8) | in.read();
		}
		return length;
	}

	private Connection connect(String key) throws Exception {
		Connection connection = new Connection();
		connection.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), connection)
			.get(20, TimeUnit.SECONDS);
		connection.send(Map.of("type", "connection_init", "payload", Map.of("X-API-Key", key)));
		assertThat(connection.next()).containsEntry("type", "connection_ack");
		return connection;
	}

	/** A graphql-transport-ws client that hands its messages over one by one. */
	private static final class Connection implements WebSocket.Listener, AutoCloseable {

		private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		private WebSocket socket;

		void send(Map<String, Object> message) {
			this.socket.sendText(JSON.writeValueAsString(message), true).join();
		}

		void subscribe(String id, String document) {
			send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document)));
		}

		Map<String, Object> next() throws InterruptedException {
			Map<String, Object> message = poll(Duration.ofSeconds(20));
			assertThat(message).as("a message in time").isNotNull();
			return message;
		}

		Map<String, Object> poll(Duration wait) throws InterruptedException {
			return this.messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** The last message of each of {@code count} operations, by id. */
		Map<String, Map<String, Object>> untilEnded(int count) throws InterruptedException {
			Map<String, Map<String, Object>> ends = new HashMap<>();
			while (ends.size() < count) {
				Map<String, Object> message = next();
				if (List.of("complete", "error").contains(message.get("type"))) {
					ends.put(String.valueOf(message.get("id")), message);
				}
			}
			return ends;
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.messages.add(JSON.readValue(this.partial.toString(), Map.class));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public void close() {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
		}

	}

	private static String token(List<String> audiences, long validSeconds) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("agent-aud")
			.claim("roles", List.of("reader", "writer"));
		if (!audiences.isEmpty()) {
			claims.audience(new ArrayList<>(audiences));
		}
		return ISSUER.token(claims, validSeconds);
	}

}
