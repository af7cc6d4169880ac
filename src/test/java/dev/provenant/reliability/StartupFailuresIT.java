package dev.provenant.reliability;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.provenant.support.PackagedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as newcomers get it wrong: on a store another instance holds,
 * on a busy Bolt or HTTP port, against a Neo4j that is not there or that refuses its
 * password. Each stops at once with one paragraph that names the problem and the setting
 * to change, and no stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupFailuresIT {

	private static final String KEY = "startup-admin-key-3f8a1c6e9b2d47a5c0e1";

	private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Path store;

	private int bolt;

	private PackagedService running;

	@BeforeAll
	void startOneThatHoldsItsStore() throws Exception {
		this.store = Files.createTempDirectory("provenant-startup-");
		this.bolt = PackagedService.freePort();
		this.running = PackagedService.start(this.store, KEY, JVM, "--provenant.embedded.bolt-port=" + this.bolt);
		this.running.awaitReady(this.http);
	}

	@AfterAll
	void stopIt() throws InterruptedException {
		this.running.stop();
	}

	@Test
	void aStoreAnotherInstanceHoldsIsNamedWithTheSettingToChange() throws Exception {
		String output = failedStart(this.store);
		assertThat(output).contains("The embedded Neo4j's store in " + this.store.toRealPath())
			.contains("is locked by another process")
			.contains("provenant.embedded.data-dir");
	}

	@Test
	void aBusyBoltPortIsNamedWithTheSettingToChange() throws Exception {
		String output = failedStart(Files.createTempDirectory("provenant-startup-"),
				"--provenant.embedded.bolt-port=" + this.bolt);
		assertThat(output).contains("could not listen for Bolt on 127.0.0.1:" + this.bolt)
			.contains("provenant.embedded.bolt-port");
	}

	@Test
	void aBusyHttpPortIsNamedWithTheSettingToChange() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String output = failedStart(Files.createTempDirectory("provenant-startup-"),
					"--server.port=" + taken.getLocalPort());
			assertThat(output).contains("Port " + taken.getLocalPort() + " was already in use");
		}
	}

	@Test
	void aNeo4jThatIsNotThereIsNamedWithWhatToCheck() throws Exception {
		int nothing = PackagedService.freePort();
		String output = failedStart(Files.createTempDirectory("provenant-startup-"),
				"--spring.neo4j.uri=bolt://127.0.0.1:" + nothing);
		assertThat(output).contains("could not reach Neo4j at bolt://127.0.0.1:" + nothing + " (NEO4J_URI)")
			.contains("Unset NEO4J_URI");
	}

	@Test
	void aWrongPasswordIsNamedWithTheSettingsThatCarryIt() throws Exception {
		String output = failedStart(Files.createTempDirectory("provenant-startup-"),
				"--spring.neo4j.uri=bolt://127.0.0.1:" + this.bolt, "--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=not-the-password");
		assertThat(output).contains("refused user 'neo4j'").contains("NEO4J_PASSWORD");
	}

	@Test
	void aTransactionLogRetentionNeo4jWouldNotReadIsNamedWithItsForm() throws Exception {
		String output = failedStart(Files.createTempDirectory("provenant-startup-"),
				"--provenant.embedded.tx-log-retention=forever");
		assertThat(output).contains("provenant.embedded.tx-log-retention is 'forever'").contains("'1G size'");
	}

	/**
	 * Starts the jar, which must stop by itself with a failure status; its output, which
	 * must be Spring Boot's failure report and no stack trace.
	 */
	private String failedStart(Path store, String... settings) throws Exception {
		PackagedService service = PackagedService.start(store, KEY, JVM, settings);
		int status = service.awaitExit(Duration.ofSeconds(90));
		String output = service.log();
		assertThat(status).as("exit status; output:%n%s", output).isNotZero();
		assertThat(output).as("output").contains("APPLICATION FAILED TO START");
		assertThat(output.lines().filter(line -> line.startsWith("\tat ")).toList()).as("stack frames in:%n%s", output)
			.isEmpty();
		return output;
	}

}
