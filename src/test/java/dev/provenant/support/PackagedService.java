package dev.provenant.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar, run as an operator runs it: its own JVM, a store of its own, one
 * admin key, no request rate limit. For tests that kill it, or watch it for minutes.
 */
public final class PackagedService {

	public final int port;

	private final Process process;

	private final Path log;

	private PackagedService(int port, Process process, Path log) {
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * @param jvmOptions e.g. {@code -Xmx512m}
	 * @param settings more {@code --name=value} settings after the defaults here
	 */
	public static PackagedService start(Path store, String adminKey, List<String> jvmOptions, String... settings)
			throws IOException {
		int port = freePort();
		Path log = Files.createTempFile("provenant-service-", ".log");
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar().getPath(), "--server.port=" + port,
				"--provenant.embedded.data-dir=" + store, "--provenant.embedded.bolt-port=0",
				"--provenant.embedded.page-cache-mb=64", "--spring.neo4j.uri=",
				"--provenant.security.api-keys=test:admin:" + adminKey, "--provenant.security.rate-limit.requests=0"));
		command.addAll(List.of(settings));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new PackagedService(port, process, log);
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public void awaitReady(HttpClient http) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				fail("The service died while starting:\n" + log());
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		fail("The service was not ready within 120 s:\n" + log());
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	public String log() throws IOException {
		return Files.readString(this.log);
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, as an orchestrator stops it; killed if it has not stopped within 60 s. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	/** The packaged jar in {@code target/}, built by {@code package} before the tests. */
	public static File jar() {
		File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("provenant-") && name.endsWith(".jar")
				&& !name.endsWith("-plain.jar") && !name.endsWith("-sources.jar"));
		if (jars == null || jars.length == 0) {
			fail("No packaged jar in target/: this test runs after 'package' (./mvnw verify)");
		}
		return jars[0];
	}

	/** The {@code java} of the JVM running the tests. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
