package dev.provenant.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Token buckets by key (a principal, a client address), each holding {@code capacity}
 * tokens that refill evenly over {@code period}. Buckets not touched for a while are
 * dropped (a full bucket is what a new one would be anyway), and the cache is bounded in
 * bytes, so callers inventing new names cannot grow it without limit; it is exported as
 * {@code cache.*} metrics tagged with its name.
 */
final class Buckets {

	/** A bucket with its Caffeine entry, roughly; the key's characters come on top. */
	private static final int BYTES_PER_BUCKET = 256;

	private static final long MAX_BYTES = 32L * 1024 * 1024;

	private final long capacity;

	private final Duration period;

	private final Cache<String, Bucket> buckets;

	Buckets(String name, long capacity, Duration period, MeterRegistry meters) {
		this.capacity = capacity;
		this.period = period;
		this.buckets = Caffeine.newBuilder()
			.maximumWeight(MAX_BYTES)
			.weigher((String key, Bucket bucket) -> BYTES_PER_BUCKET + 2 * key.length())
			.expireAfterAccess(period.plus(Duration.ofMinutes(1)))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.buckets, name);
	}

	/** Whether the limit is on (a capacity of 0 turns it off). */
	boolean enabled() {
		return this.capacity > 0;
	}

	/** Takes a token: empty when there was one, else how long until there is. */
	Optional<Duration> take(String key) {
		if (!enabled()) {
			return Optional.empty();
		}
		ConsumptionProbe probe = this.buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(seconds(probe.getNanosToWaitForRefill()));
	}

	/** Without taking one: empty when a token is left, else how long until there is. */
	Optional<Duration> exhausted(String key) {
		Bucket bucket = enabled() ? this.buckets.getIfPresent(key) : null;
		if (bucket == null) {
			return Optional.empty();
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return (nanos > 0) ? Optional.of(seconds(nanos)) : Optional.empty();
	}

	/** Tokens left for this key. */
	long left(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		return (bucket != null) ? bucket.getAvailableTokens() : this.capacity;
	}

	/** The limit as a reader would say it: "300 per PT1S". */
	String rate() {
		return this.capacity + " per " + this.period;
	}

	private Bucket newBucket(String key) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.capacity).refillGreedy(this.capacity, this.period).build())
			.build();
	}

	private static Duration seconds(long nanos) {
		return Duration.ofSeconds(Math.max(1, (long) Math.ceil(nanos / 1e9)));
	}

}
