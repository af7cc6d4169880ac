package dev.provenant.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

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
 * @param txLogRetention how much of its transaction logs the store keeps, as Neo4j's
 * {@code db.tx_log.rotation.retention_policy} reads it: {@code 2 days} (Neo4j's default),
 * {@code 1G size}, {@code 100k txs}, {@code keep_none}... Neo4j keeps what recovery from
 * a crash needs whatever it says; the rest serves backups taken from the logs
 */
@ConfigurationProperties("provenant.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("127.0.0.1") String boltHost,
		@DefaultValue("7687") int boltPort, @DefaultValue("512") int pageCacheMb,
		@DefaultValue("2 days") String txLogRetention) {

	/** Neo4j 5.26's own pattern for the setting, so that a typo stops the start here. */
	private static final Pattern RETENTION = Pattern.compile("^(true|keep_all|false|keep_none|(\\d+[KkMmGg]?( "
			+ "(files|size|txs|entries|hours( \\d+[KkMmGg]?)?|days( \\d+[KkMmGg]?)?))))$");

	public EmbeddedNeo4jProperties {
		if (!RETENTION.matcher(txLogRetention).matches()) {
			throw new IllegalArgumentException("provenant.embedded.tx-log-retention is '" + txLogRetention
					+ "': use a number with an optional K, M or G and one of files, size, txs, entries, hours or "
					+ "days (for example '2 days', '1G size' or '100k txs'), or keep_all or keep_none");
		}
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
