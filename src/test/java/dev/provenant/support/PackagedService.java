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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar, run as an operator runs it: its own JVM, a store of its own, one
 * admin key, no request rate limit. For tests that kill it, or watch it for minutes.
 */
public final class PackagedService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public final int port;

	private final Process process;

	private final Path log;

	private final List<String> command;

	private PackagedService(int port, Process process, Path log, List<String> command) {
		this.port = port;
		this.process = process;
		this.log = log;
		this.command = command;
	}

	/**
	 * @param jvmOptions e.g. {@code -Xmx512m}
	 * @param settings more {@code --name=value} settings; one named as a default here
	 * replaces it
	 */
	public static PackagedService start(Path store, String adminKey, List<String> jvmOptions, String... settings)
			throws IOException {
		Map<String, String> arguments = new LinkedHashMap<>();
		for (String setting : List.of("--server.port=" + freePort(), "--provenant.embedded.data-dir=" + store,
				"--provenant.embedded.bolt-port=0", "--provenant.embedded.page-cache-mb=64", "--spring.neo4j.uri=",
				"--provenant.security.api-keys=test:admin:" + adminKey, "--provenant.security.rate-limit.requests=0")) {
			arguments.put(setting.substring(0, setting.indexOf('=')), setting);
		}
		for (String setting : settings) {
			arguments.put(setting.substring(0, setting.indexOf('=')), setting);
		}
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar().getPath()));
		command.addAll(arguments.values());
		int port = Integer.parseInt(arguments.get("--server.port").substring("--server.port=".length()));
		return run(port, command);
	}

	private static PackagedService run(int port, List<String> command) throws IOException {
		Path log = Files.createTempFile("provenant-service-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new PackagedService(port, process, log, command);
	}

	/**
	 * The same service started again, with the same settings and port, once this one has
	 * stopped or been killed.
	 */
	public PackagedService again() throws IOException {
		if (this.process.isAlive()) {
			throw new IllegalStateException("still running");
		}
		return run(this.port, this.command);
	}

	/**
	 * A GraphQL request with this API key and any more headers (name, value, ...); the
	 * parsed answer of a 200, else an {@link IOException} with the status and body.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> graphQl(HttpClient http, String apiKey, Map<String, Object> body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-API-Key", apiKey);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = http.send(
				request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return JSON.readValue(response.body(), Map.class);
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

	/** The file its output goes to. */
	public Path logFile() {
		return this.log;
	}

	/**
	 * Waits for the process to end by itself, as a service that cannot start does.
	 * @return its exit status
	 */
	public int awaitExit(Duration within) throws InterruptedException {
		if (!this.process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
			fail("The service still runs after " + within);
		}
		return this.process.exitValue();
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
