package dev.provenant.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.server.security.auth.LegacyCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded Neo4j's {@code neo4j} user, generated on first start and
 * kept alone on one line in {@code <data-dir>/neo4j-password}, readable by the service's
 * user only. It is never logged: an operator who wants cypher-shell reads the file.
 * <p>
 * The password is in place before Bolt accepts its first connection. A new store gets it
 * as Neo4j's initial user (what {@code neo4j-admin dbms set-initial-password} writes); a
 * store created without one (by an older Provenant, with authentication off) is opened
 * once with Bolt closed to set it, so there is no moment when the default password or no
 * password is accepted.
 */
record BoltPassword(String value) {

	static final String USER = "neo4j";

	static final String FILE_NAME = "neo4j-password";

	private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);

	@Override
	public String toString() {
		return "BoltPassword[value=<secret>]";
	}

	/**
	 * Reads the store's password, or makes one and gives it to Neo4j's {@code neo4j}
	 * user.
	 */
	static BoltPassword of(Path home) {
		Path file = home.resolve(FILE_NAME);
		if (Files.exists(file)) {
			if (SecretFiles.restrict(file)) {
				log.warn("{} was readable by other users; narrowed it to its owner", file);
			}
			return new BoltPassword(read(file));
		}
		BoltPassword password = new BoltPassword(generate());
		Config config = Config.defaults(GraphDatabaseSettings.neo4j_home, home);
		if (Files.isDirectory(systemDatabase(config))) {
			password.applyTo(home);
			log.info("Neo4j's Bolt connector now requires a password; it was generated into {}", file);
		}
		else {
			password.writeInitialUser(config);
			log.info("Generated the password of the embedded Neo4j's user 'neo4j' into {}", file);
		}
		SecretFiles.write(file, password.value() + "\n");
		return password;
	}

	private static Path systemDatabase(Config config) {
		return config.get(GraphDatabaseSettings.data_directory)
			.resolve(GraphDatabaseSettings.DEFAULT_DATABASES_ROOT_DIR_NAME)
			.resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
	}

	/**
	 * What {@code neo4j-admin dbms set-initial-password} does, for a store not yet made.
	 */
	private void writeInitialUser(Config config) {
		Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
		var repository = new FileUserRepository(new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(),
				EmptyMemoryTracker.INSTANCE);
		try {
			Files.deleteIfExists(file);
			repository.start();
			repository.create(new User(USER, null, LegacyCredential.forPassword(this.value), false, false));
			repository.shutdown();
			SecretFiles.restrict(file);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot write Neo4j's initial user to " + file, ex);
		}
	}

	/** Sets the password of an existing store, opened with Bolt closed. */
	private void applyTo(Path home) {
		DatabaseManagementService closed = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, false)
			.build();
		try {
			closed.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", this.value));
		}
		finally {
			closed.shutdown();
		}
	}

	private static String read(Path file) {
		try {
			String password = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (password.isEmpty()) {
				throw new IllegalStateException(file + " is empty: delete it to have a new Neo4j password generated");
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Neo4j password file " + file, ex);
		}
	}

	private static String generate() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

}
