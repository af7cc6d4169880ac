package dev.provenant.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j started when no external database is configured.
 *
 * @param dataDir where the store lives; relative paths are resolved against the working
 * directory
 * @param boltHost the address the Bolt connector listens on; loopback by default because
 * auth is off
 * @param boltPort the Bolt port; 0 picks a free one (used by tests)
 * @param pageCacheMb the page cache size in MiB
 */
@ConfigurationProperties("provenant.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("127.0.0.1") String boltHost,
		@DefaultValue("7687") int boltPort, @DefaultValue("512") int pageCacheMb) {
}
