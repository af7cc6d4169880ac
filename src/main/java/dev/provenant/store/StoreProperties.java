package dev.provenant.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Provenant uses its database, embedded or external.
 *
 * @param transactionTimeout the longest any read or write transaction may run before
 * Neo4j stops it and rolls it back; the query then fails with BAD_REQUEST
 * @param bulkTransactionTimeout the same for the one transaction of a whole-graph export
 * or import
 * @param writeGroupMax the most writes committed together in one transaction (group
 * commit, ADR 11): the writes waiting at the same moment, up to this many; 1 commits
 * every write alone
 */
@ConfigurationProperties("provenant.store")
public record StoreProperties(@DefaultValue("30s") Duration transactionTimeout,
		@DefaultValue("1h") Duration bulkTransactionTimeout, @DefaultValue("32") int writeGroupMax) {

	public StoreProperties {
		if (writeGroupMax < 1) {
			throw new IllegalArgumentException(
					"provenant.store.write-group-max must be at least 1, not " + writeGroupMax);
		}
	}

}
