package dev.provenant.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j started when no external database is configured.
 *
 * @param dataDir where the store lives; relative paths are resolved against the working
 * directory
 * @param boltHost the address the Bolt connector listens on: a loopback address only. The
 * store is the service's own; clients reach it through the API, and a Neo4j that other
 * hosts must reach is an external one ({@code NEO4J_URI}).
 * @param boltPort the Bolt port; 0 picks a free one (used by tests)
 * @param pageCacheMb the page cache size in MiB
 */
@ConfigurationProperties("provenant.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("127.0.0.1") String boltHost,
		@DefaultValue("7687") int boltPort, @DefaultValue("512") int pageCacheMb) {

	public EmbeddedNeo4jProperties {
		if (!loopback(boltHost)) {
			throw new IllegalArgumentException("The embedded Neo4j's Bolt connector listens on loopback only, not on '"
					+ boltHost + "': use 127.0.0.1, ::1 or localhost, or run an external Neo4j (NEO4J_URI) "
					+ "for other hosts to reach");
		}
	}

	private static boolean loopback(String host) {
		try {
			InetAddress[] addresses = InetAddress.getAllByName(host);
			return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
