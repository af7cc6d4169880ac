package dev.provenant.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
 * <p>
 * The buckets are this instance's view of buckets every instance shares: what it takes is
 * counted by key until {@link SharedBuckets} settles it against the store, and what the
 * others took comes back from there ({@link #settle}).
 */
final class Buckets {

	/** A bucket with its Caffeine entry, roughly; the key's characters come on top. */
	private static final int BYTES_PER_BUCKET = 256;

	private static final long MAX_BYTES = 32L * 1024 * 1024;

	/**
	 * Keys whose use is counted for the next settlement; past this, further keys are
	 * limited on this instance alone until the next one (each costs a row in it).
	 */
	static final int MAX_UNSETTLED_KEYS = 10_000;

	private final String name;

	private final long capacity;

	private final Duration period;

	private final Cache<String, Bucket> buckets;

	/** Tokens taken here by key since the last settlement. */
	private final Map<String, LongAdder> unsettled = new ConcurrentHashMap<>();

	Buckets(String name, long capacity, Duration period, MeterRegistry meters) {
		this.name = name;
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
		if (!probe.isConsumed()) {
			return Optional.of(seconds(probe.getNanosToWaitForRefill()));
		}
		LongAdder taken = this.unsettled.get(key);
		if (taken == null && this.unsettled.size() < MAX_UNSETTLED_KEYS) {
			taken = this.unsettled.computeIfAbsent(key, (k) -> new LongAdder());
		}
		if (taken != null) {
			taken.increment();
		}
		return Optional.empty();
	}

	/** The name the store knows these buckets by, and their metrics. */
	String name() {
		return this.name;
	}

	long capacity() {
		return this.capacity;
	}

	Duration period() {
		return this.period;
	}

	/**
	 * What was taken here by key since the last call, forgotten here: the caller settles
	 * it against the store.
	 */
	Map<String, Long> drainUnsettled() {
		Map<String, Long> drained = new HashMap<>();
		for (String key : this.unsettled.keySet()) {
			LongAdder taken = this.unsettled.remove(key);
			if (taken != null) {
				drained.put(key, taken.sum());
			}
		}
		return drained;
	}

	/** Counts takings again that could not be settled, for the next settlement. */
	void unsettle(Map<String, Long> taken) {
		taken.forEach((key, count) -> this.unsettled.computeIfAbsent(key, (k) -> new LongAdder()).add(count));
	}

	/**
	 * Brings this instance's bucket for {@code key} to what the shared one holds, less
	 * what was taken here since that was read: down when the other instances took tokens,
	 * up when it refilled. Tokens may go below zero: a debt every instance then waits
	 * out.
	 */
	void settle(String key, double sharedTokens) {
		Bucket bucket = this.buckets.get(key, this::newBucket);
		LongAdder takenSince = this.unsettled.get(key);
		long target = (long) Math.floor(sharedTokens) - ((takenSince != null) ? takenSince.sum() : 0);
		long local = bucket.getAvailableTokens();
		if (target < local) {
			bucket.consumeIgnoringRateLimits(local - target);
		}
		else if (target > local) {
			bucket.addTokens(target - local);
		}
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
