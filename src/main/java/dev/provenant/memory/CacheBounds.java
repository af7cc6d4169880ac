package dev.provenant.memory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Every cache and buffer the service keeps, with its bound in bytes: the one place to
 * read what may stay in memory. A bound left unset is a share of the maximum heap, so a
 * larger heap keeps more. Each is exported as {@code provenant.cache.weight},
 * {@code provenant.cache.size} and {@code provenant.cache.weight.max}, tagged with the
 * cache's name.
 *
 * @param blastRadiusBytes blast radii kept so that paging through one does not compute it
 * again (the {@code blast-radius} cache); an eighth of the heap by default
 * @param rollbackPlanBytes rollback plans kept for the same reason (the
 * {@code rollback-plans} cache); a sixteenth of the heap by default
 * @param graphqlDocumentBytes parsed and validated GraphQL operations, weighed by their
 * text (the {@code graphql.documents} cache); a sixty-fourth of the heap by default
 * @param subscriptionBufferBytes governance events one subscriber may fall behind by
 * before it misses the oldest (the {@code subscriptions} cache, the sum over subscribers)
 * @param webhookInFlightBytes webhook payloads being sent at once (the
 * {@code webhooks-in-flight} cache); more wait in the store
 * @param indexPendingBytes this instance's writes the dependency index holds while an
 * earlier one is missing (the {@code index-pending-writes} cache); past it the index
 * reads them again from the store
 */
@ConfigurationProperties("provenant.caches")
public record CacheBounds(DataSize blastRadiusBytes, DataSize rollbackPlanBytes, DataSize graphqlDocumentBytes,
		DataSize subscriptionBufferBytes, DataSize webhookInFlightBytes, DataSize indexPendingBytes) {

	public static final String BLAST_RADII = "blast-radius";

	public static final String ROLLBACK_PLANS = "rollback-plans";

	public static final String GRAPHQL_DOCUMENTS = "graphql.documents";

	public static final String SUBSCRIPTIONS = "subscriptions";

	public static final String WEBHOOKS_IN_FLIGHT = "webhooks-in-flight";

	public static final String INDEX_PENDING = "index-pending-writes";

	/**
	 * The default share of the heap, as a divisor, of the blast radii, the rollback
	 * plans, the documents, the index's pending writes and the webhooks in flight, in
	 * that order; 0 for a default in bytes.
	 */
	static final long[] HEAP_DIVISORS = { 8, 16, 64, 64, 0 };

	public CacheBounds {
		long heap = Runtime.getRuntime().maxMemory();
		blastRadiusBytes = orShare(blastRadiusBytes, heap / HEAP_DIVISORS[0]);
		rollbackPlanBytes = orShare(rollbackPlanBytes, heap / HEAP_DIVISORS[1]);
		graphqlDocumentBytes = orShare(graphqlDocumentBytes, heap / HEAP_DIVISORS[2]);
		subscriptionBufferBytes = orShare(subscriptionBufferBytes, DataSize.ofMegabytes(4).toBytes());
		webhookInFlightBytes = orShare(webhookInFlightBytes, DataSize.ofMegabytes(8).toBytes());
		indexPendingBytes = orShare(indexPendingBytes, heap / HEAP_DIVISORS[3]);
	}

	private static DataSize orShare(DataSize configured, long bytes) {
		if (configured != null && configured.isNegative()) {
			throw new IllegalArgumentException("provenant.caches: a bound must not be negative, got " + configured);
		}
		return (configured != null) ? configured : DataSize.ofBytes(bytes);
	}

}
