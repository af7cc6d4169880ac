package dev.provenant.impact;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The most recently used answers, up to a total weight, the least recently used going
 * first. Unlike a frequency-based cache it always keeps the newest answer, which is the
 * one a client paging through a large answer asks for next. A value the loader returns as
 * {@code null} is not kept.
 */
public final class RecentAnswers<K, V> {

	private final long maxWeight;

	private final ToLongFunction<V> weigher;

	private final LinkedHashMap<K, V> answers = new LinkedHashMap<>(16, 0.75f, true);

	private long weight;

	public RecentAnswers(long maxWeight, ToLongFunction<V> weigher) {
		this.maxWeight = maxWeight;
		this.weigher = weigher;
	}

	/**
	 * The kept answer, or the loader's, kept. Loading runs outside the lock, so a large
	 * question does not hold up others; two askers of the same new question may both
	 * compute it.
	 */
	public V get(K key, Function<K, V> loader) {
		synchronized (this) {
			V known = this.answers.get(key);
			if (known != null) {
				return known;
			}
		}
		V loaded = loader.apply(key);
		if (loaded != null && this.maxWeight > 0) {
			keep(key, loaded);
		}
		return loaded;
	}

	private synchronized void keep(K key, V value) {
		V replaced = this.answers.put(key, value);
		if (replaced != null) {
			this.weight -= this.weigher.applyAsLong(replaced);
		}
		this.weight += this.weigher.applyAsLong(value);
		Iterator<Map.Entry<K, V>> oldestFirst = this.answers.entrySet().iterator();
		while (this.weight > this.maxWeight && this.answers.size() > 1) {
			Map.Entry<K, V> oldest = oldestFirst.next();
			if (oldest.getKey().equals(key)) {
				continue;
			}
			this.weight -= this.weigher.applyAsLong(oldest.getValue());
			oldestFirst.remove();
		}
	}

}
