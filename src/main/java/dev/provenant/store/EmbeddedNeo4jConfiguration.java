package dev.provenant.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import inet.ipaddr.IPAddressString;

import org.neo4j.configuration.FulltextSettings;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j 5.26 inside the service's JVM when no external database is configured, and
 * points Spring Boot's own driver at its Bolt connector. The service therefore talks Bolt
 * either way; operators can connect cypher-shell to the embedded store with the generated
 * password (see {@link BoltPassword}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalNeo4jConfigured.Not.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	/** {@code LOAD CSV} from a URL reaches no address at all. */
	private static final List<IPAddressString> EVERY_ADDRESS = List.of(new IPAddressString("0.0.0.0/0"),
			new IPAddressString("::/0"));

	/**
	 * How often the eventually consistent name search index is reopened beside the
	 * writers (Neo4j's {@code db.index.fulltext.eventually_consistent_refresh_interval}).
	 */
	static final Duration SEARCH_INDEX_REFRESH = Duration.ofSeconds(1);

	@Bean
	BoltPassword embeddedNeo4jPassword(EmbeddedNeo4jProperties properties) {
		return BoltPassword.of(home(properties));
	}

	@Bean(destroyMethod = "shutdown")
	DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties, BoltPassword password) {
		Path home = home(properties);
		log.info("Starting embedded Neo4j 5.26 with its store in {} (set NEO4J_URI to use an external Neo4j)", home);
		long started = System.nanoTime();
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltHost(), properties.boltPort()))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			// Loopback is no boundary: any process on the host, and any web page in a
			// browser
			// on it (Bolt accepts WebSocket connections from every origin), can reach the
			// port. So Bolt demands the generated password, and Neo4j's defaults that let
			// a
			// Cypher statement read local files or call out to any address are closed.
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			// No lock-out after failed logins: with a 256-bit generated password guessing
			// is hopeless, while a lock would let any local process shut the service
			// itself out of its store by failing three logins every few seconds.
			.setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
			.setConfig(GraphDatabaseSettings.allow_file_urls, false)
			.setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDirectory(home))
			.setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, EVERY_ADDRESS)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(properties.pageCacheMb()))
			.setConfig(GraphDatabaseSettings.keep_logical_logs, properties.txLogRetention())
			// The name search index is eventually consistent (V0012), yet by default
			// its Lucene reader is reopened after every transaction's updates: a tenth of
			// the CPU of small writes. Once a second instead; a search reopens it first
			// (search/find_nodes), so it still sees every answered write.
			.setConfig(FulltextSettings.eventually_consistent_refresh_interval, SEARCH_INDEX_REFRESH)
			.build();
		log.info("Embedded Neo4j ready in {} ms, Bolt at {} (user {}, password in {})",
				(System.nanoTime() - started) / 1_000_000, boltUri(dbms), BoltPassword.USER,
				home.resolve(BoltPassword.FILE_NAME));
		return dbms;
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j,
			BoltPassword password) {
		URI uri = boltUri(embeddedNeo4j);
		AuthToken token = AuthTokens.basic(BoltPassword.USER, password.value());
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return token;
			}
		};
	}

	private static Path home(EmbeddedNeo4jProperties properties) {
		return properties.dataDir().toAbsolutePath().normalize();
	}

	/**
	 * An empty directory of the store's own: with file URLs refused it is never read, and
	 * should they be allowed again, only what is placed there could be.
	 */
	private static Path importDirectory(Path home) {
		Path directory = home.resolve("import");
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + directory, ex);
		}
		return directory;
	}

	/**
	 * The address Bolt actually bound, which differs from the configured one when the
	 * port is 0.
	 */
	private static URI boltUri(DatabaseManagementService dbms) {
		var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		var address = api.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		return URI.create("bolt://" + address.getHost() + ":" + address.getPort());
	}

}
