package dev.provenant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Neo4j the integration tests talk to over Bolt: a Neo4j 5.26 container when a Docker
 * daemon is available, otherwise the service's own embedded Neo4j in a fresh temporary
 * store on a free port. The tests are the same.
 */
public final class Neo4jUnderTest {

	private static Neo4jContainer container;

	private static boolean embedded;

	private Neo4jUnderTest() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (container == null && !embedded) {
			start();
		}
		if (container != null) {
			registry.add("spring.neo4j.uri", container::getBoltUrl);
			registry.add("spring.neo4j.authentication.username", () -> "neo4j");
			registry.add("spring.neo4j.authentication.password", container::getAdminPassword);
		}
		else {
			// Each application context gets its own store: an embedded store is locked by
			// the one process that opened it.
			Path store = newStore();
			registry.add("spring.neo4j.uri", () -> "");
			registry.add("provenant.embedded.data-dir", store::toString);
			registry.add("provenant.embedded.bolt-port", () -> "0");
			registry.add("provenant.embedded.page-cache-mb", () -> "128");
		}
	}

	/**
	 * Command-line arguments that point another Provenant instance at the database the
	 * context's instance uses, with its credentials: the embedded store's generated
	 * password, or the container's.
	 */
	public static String[] sameDatabase(org.springframework.core.env.Environment environment, URI bolt) {
		String password;
		if (container != null) {
			password = container.getAdminPassword();
		}
		else {
			try {
				password = Files
					.readString(Path.of(environment.getRequiredProperty("provenant.embedded.data-dir"))
						.resolve("neo4j-password"))
					.strip();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new String[] { "--spring.neo4j.uri=" + bolt, "--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=" + password };
	}

	private static void start() {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			container = new Neo4jContainer("neo4j:5.26-community").withRandomPassword();
			container.start();
			return;
		}
		embedded = true;
	}

	private static Path newStore() {
		try {
			return Files.createTempDirectory("provenant-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
