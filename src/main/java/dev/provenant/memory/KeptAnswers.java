package dev.provenant.memory;

import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;

/**
 * Answers kept up to a total weight in bytes. The newest answer is always kept, however
 * heavy, as long as it fits the bound alone: it is the one a client paging through a
 * large answer asks for next, and Caffeine's frequency-based admission would often refuse
 * a fresh heavy entry. It is held beside the cache, whose own bound shrinks by its
 * weight, so the two together never pass the bound; when a newer answer comes, it joins
 * the cache and competes there. An answer heavier than the bound is not kept, nor one the
 * loader returns as {@code null}.
 * <p>
 * Answers may belong to a generation, the state of the data they were computed from (the
 * audit sequence the dependency index had reached). Once an answer of a newer generation
 * is kept, those of older ones are dropped: no question is asked of a state the service
 * has moved past, so under steady writes they would only fill the bound with answers
 * nobody can hit, and keep that much more of the heap live for the collector to mark.
 */
public final class KeptAnswers<K, V> {

	private final long maxBytes;

	private final ToLongFunction<V> weigher;

	private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();

	private final Cache<K, Kept<V>> cache;

	private final Policy.Eviction<K, Kept<V>> eviction;

	private final ToLongFunction<K> generation;

	private volatile Newest<K, V> newest;

	/** The newest generation kept so far. */
	private long latest = Long.MIN_VALUE;

	KeptAnswers(long maxBytes, ToLongFunction<V> weigher) {
		this(maxBytes, weigher, key -> 0);
	}

	KeptAnswers(long maxBytes, ToLongFunction<V> weigher, ToLongFunction<K> generation) {
		this.maxBytes = maxBytes;
		this.weigher = weigher;
		this.generation = generation;
		this.cache = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.<K, Kept<V>>weigher((key, kept) -> (int) Math.min(Integer.MAX_VALUE, kept.bytes()))
			// Evicts on the writer's thread, so the bound holds when keep returns.
			.executor(Runnable::run)
			.recordStats(() -> this.stats)
			.build();
		this.eviction = this.cache.policy().eviction().orElseThrow();
	}

	private record Kept<V>(V value, long bytes) {
	}

	private record Newest<K, V>(K key, Kept<V> kept) {
	}

	/**
	 * The kept answer, or the loader's, kept. Loading runs outside any lock, so a large
	 * question does not hold up others; two askers of the same new question may both
	 * compute it.
	 */
	public V get(K key, Function<K, V> loader) {
		Newest<K, V> pinned = this.newest;
		if (pinned != null && pinned.key().equals(key)) {
			this.stats.recordHits(1);
			return pinned.kept().value();
		}
		Kept<V> known = this.cache.getIfPresent(key);
		if (known != null) {
			return known.value();
		}
		V loaded = loader.apply(key);
		if (loaded != null) {
			keep(key, loaded);
		}
		return loaded;
	}

	private synchronized void keep(K key, V value) {
		long generation = this.generation.applyAsLong(key);
		if (generation < this.latest) {
			return;
		}
		if (generation > this.latest) {
			// Older answers go even if this one is too heavy to keep.
			this.latest = generation;
			this.cache.asMap().keySet().removeIf(kept -> this.generation.applyAsLong(kept) < generation);
			Newest<K, V> pinned = this.newest;
			if (pinned != null && this.generation.applyAsLong(pinned.key()) < generation) {
				this.newest = null;
				this.eviction.setMaximum(this.maxBytes);
			}
		}
		long bytes = this.weigher.applyAsLong(value);
		if (bytes > this.maxBytes) {
			return;
		}
		Newest<K, V> previous = this.newest;
		this.cache.invalidate(key);
		this.eviction.setMaximum(this.maxBytes - bytes);
		this.newest = new Newest<>(key, new Kept<>(value, bytes));
		if (previous != null && !previous.key().equals(key)) {
			this.cache.put(previous.key(), previous.kept());
		}
		this.cache.cleanUp();
	}

	/** Bytes held: the cache's and the newest answer's. */
	public long weight() {
		Newest<K, V> pinned = this.newest;
		return this.eviction.weightedSize().orElse(0) + ((pinned != null) ? pinned.kept().bytes() : 0);
	}

	/** Answers held. */
	public long size() {
		return this.cache.estimatedSize() + ((this.newest != null) ? 1 : 0);
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/** For hit and miss counts in the metrics. */
	Cache<K, ?> cache() {
		return this.cache;
	}

}
