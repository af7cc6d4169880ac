package dev.provenant.store;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded store, attacked from another process on the same host through its Bolt
 * port: with no credential, a wrong one, or a web page's WebSocket, nothing is read or
 * written; with the stolen password, Cypher still cannot read the host's files or reach
 * other addresses.
 */
class ClosedStoreIT extends GraphQlIT {

	@Autowired(required = false)
	private DatabaseManagementService embedded;

	@Autowired
	private Neo4jConnectionDetails connection;

	@Value("${provenant.embedded.data-dir}")
	private Path dataDir;

	private URI bolt;

	@BeforeEach
	void embeddedOnly() {
		assumeTrue(this.embedded != null, "these attacks target the embedded Neo4j");
		this.bolt = this.connection.getUri();
	}

	@Test
	void boltRefusesAConnectionWithoutCredentials() {
		assertThatThrownBy(() -> write(AuthTokens.none())).isInstanceOf(AuthenticationException.class);
		assertNothingWritten();
	}

	@Test
	void boltRefusesAWrongPasswordAndTheDefaultOne() throws Exception {
		assertThatThrownBy(() -> write(AuthTokens.basic("neo4j", "neo4j"))).isInstanceOf(Neo4jException.class);
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> write(AuthTokens.basic("neo4j", "guessed-password")))
				.isInstanceOf(Neo4jException.class);
		}
		assertNothingWritten();
		// Failed logins do not lock the service out of its own store.
		try (Driver driver = stolen()) {
			driver.verifyConnectivity();
		}
	}

	@Test
	void thePasswordIsAloneOnOneLineInAFileOnlyTheServiceUserCanRead() throws Exception {
		Path file = this.dataDir.resolve("neo4j-password");
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).hasSizeGreaterThanOrEqualTo(32).doesNotContainAnyWhitespaces();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Driver driver = GraphDatabase.driver(this.bolt, AuthTokens.basic("neo4j", lines.get(0)))) {
			driver.verifyConnectivity();
		}
	}

	@Test
	void cypherCannotReadTheHostsFilesEvenWithThePassword() throws Exception {
		try (Driver driver = stolen(); var session = driver.session()) {
			for (String url : List.of("file:///proc/self/environ", "file:///etc/hostname",
					"file:///" + this.dataDir.resolve("neo4j-password"))) {
				assertThatThrownBy(
						() -> session.run("LOAD CSV FROM $url AS row RETURN row", java.util.Map.of("url", url)).list())
					.as(url)
					.isInstanceOf(ClientException.class);
			}
		}
	}

	@Test
	void cypherCannotReachAnyAddressEvenWithThePassword() throws Exception {
		try (Driver driver = stolen(); var session = driver.session()) {
			for (String url : List.of("http://127.0.0.1:" + this.port + "/actuator/health",
					"http://169.254.169.254/latest/meta-data/", "http://[::1]:" + this.port + "/")) {
				assertThatThrownBy(
						() -> session.run("LOAD CSV FROM $url AS row RETURN row", java.util.Map.of("url", url)).list())
					.as(url)
					.isInstanceOf(ClientException.class);
			}
		}
	}

	@Test
	void aWebPagesWebSocketToBoltCannotLogInWithoutThePassword() throws Exception {
		// The handshake with the real password succeeds, so the refusals below are
		// Neo4j's,
		// not a broken client. (First: after three failed logins Neo4j locks the user for
		// a
		// few seconds.)
		assertThat(helloOverWebSocket("basic", password())).as("the real password").isEqualTo(SUCCESS);
		assertThat(helloOverWebSocket("none", null)).as("no credential").isEqualTo(FAILURE);
		assertThat(helloOverWebSocket("basic", "neo4j")).as("the default password").isEqualTo(FAILURE);
		assertNothingWritten();
	}

	private void write(AuthToken token) {
		try (Driver driver = GraphDatabase.driver(this.bolt, token); var session = driver.session()) {
			session.run("CREATE (:Intruder {at: datetime()})").consume();
		}
	}

	private void assertNothingWritten() {
		try (var session = this.driver.session()) {
			assertThat(session.run("MATCH (n:Intruder) RETURN count(n) AS c").single().get("c").asLong()).isZero();
		}
	}

	private Driver stolen() throws Exception {
		return GraphDatabase.driver(this.bolt, AuthTokens.basic("neo4j", password()));
	}

	private String password() throws Exception {
		return Files.readString(this.dataDir.resolve("neo4j-password")).strip();
	}

	private static final int SUCCESS = 0x70;

	private static final int FAILURE = 0x7F;

	/**
	 * What a script on a web page can do: open a WebSocket to the Bolt port from a
	 * foreign origin, negotiate Bolt 4.4 and say HELLO. Answers the signature of the
	 * server's reply (SUCCESS or FAILURE).
	 */
	private int helloOverWebSocket(String scheme, String password) throws Exception {
		Replies replies = new Replies();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Origin", "http://attacker.example")
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://" + this.bolt.getHost() + ":" + this.bolt.getPort() + "/"), replies)
			.get(10, TimeUnit.SECONDS);
		try {
			socket
				.sendBinary(ByteBuffer
					.wrap(new byte[] { 0x60, 0x60, (byte) 0xB0, 0x17, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }),
						true)
				.get(10, TimeUnit.SECONDS);
			byte[] version = replies.next(4);
			assertThat(version).containsExactly(0, 0, 4, 4);
			socket.sendBinary(ByteBuffer.wrap(hello(scheme, password)), true).get(10, TimeUnit.SECONDS);
			byte[] header = replies.next(4);
			// chunk size (2 bytes), then a struct marker and the message's signature
			return header[3] & 0xFF;
		}
		finally {
			socket.abort();
		}
	}

	/** A chunked Bolt HELLO message: a struct of one map, in PackStream. */
	private static byte[] hello(String scheme, String password) {
		ByteArrayOutputStream map = new ByteArrayOutputStream();
		int entries = (password != null) ? 4 : 2;
		map.write(0xA0 | entries);
		string(map, "user_agent");
		string(map, "attacker/1.0");
		string(map, "scheme");
		string(map, scheme);
		if (password != null) {
			string(map, "principal");
			string(map, "neo4j");
			string(map, "credentials");
			string(map, password);
		}
		byte[] body = map.toByteArray();
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		int size = body.length + 2;
		message.write(size >> 8);
		message.write(size & 0xFF);
		message.write(0xB1);
		message.write(0x01);
		message.writeBytes(body);
		message.write(0);
		message.write(0);
		return message.toByteArray();
	}

	private static void string(ByteArrayOutputStream out, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 16) {
			out.write(0x80 | bytes.length);
		}
		else {
			out.write(0xD0);
			out.write(bytes.length);
		}
		out.writeBytes(bytes);
	}

	/** Collects the bytes the server sends, for the test to take in order. */
	private static final class Replies implements WebSocket.Listener {

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		private CompletableFuture<Void> more = new CompletableFuture<>();

		@Override
		public synchronized CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.received.writeBytes(bytes);
			this.more.complete(null);
			socket.request(1);
			return null;
		}

		private int taken;

		byte[] next(int count) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (true) {
				CompletableFuture<Void> waiting;
				synchronized (this) {
					byte[] all = this.received.toByteArray();
					if (all.length - this.taken >= count) {
						byte[] next = java.util.Arrays.copyOfRange(all, this.taken, this.taken + count);
						this.taken += count;
						return next;
					}
					this.more = new CompletableFuture<>();
					waiting = this.more;
				}
				waiting.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}

	}

}
