package dev.provenant.memory;

import java.util.function.LongSupplier;
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the service's caches with the bounds of {@link CacheBounds} and exports each
 * one's weight, size and bound: {@code provenant.cache.weight} (bytes),
 * {@code provenant.cache.size} (entries) and {@code provenant.cache.weight.max} (bytes),
 * tagged {@code cache=<name>}; Caffeine caches also report hits, misses and evictions
 * ({@code cache.gets}, {@code cache.evictions}, ...).
 */
@Component
@EnableConfigurationProperties(CacheBounds.class)
public class Caches {

	private final CacheBounds bounds;

	private final MeterRegistry meters;

	Caches(CacheBounds bounds, MeterRegistry meters) {
		this.bounds = bounds;
		this.meters = meters;
	}

	public CacheBounds bounds() {
		return this.bounds;
	}

	/**
	 * Answers kept up to {@code maxBytes}, the newest always, those of a generation older
	 * than the newest kept dropped (see KeptAnswers).
	 */
	public <K, V> KeptAnswers<K, V> answers(String name, long maxBytes, ToLongFunction<V> weigher,
			ToLongFunction<K> generation) {
		KeptAnswers<K, V> answers = new KeptAnswers<>(maxBytes, weigher, generation);
		CaffeineCacheMetrics.monitor(this.meters, answers.cache(), name);
		measured(name, answers::weight, answers::size, () -> maxBytes);
		return answers;
	}

	/**
	 * A Caffeine cache up to {@code maxBytes}, each entry weighing what {@code weigher}
	 * says of its key and value.
	 */
	public <K, V> Cache<K, V> cache(String name, long maxBytes, ToLongBiFunction<K, V> weigher) {
		Cache<K, V> cache = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.<K, V>weigher((key, value) -> (int) Math.min(Integer.MAX_VALUE, weigher.applyAsLong(key, value)))
			.executor(Runnable::run)
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(this.meters, cache, name);
		LongSupplier weight = () -> cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
		measured(name, weight, cache::estimatedSize, () -> maxBytes);
		return cache;
	}

	/**
	 * Exports a buffer or cache kept by other means; its bound may change (a bound per
	 * subscriber, times the subscribers).
	 */
	public void measured(String name, LongSupplier weight, LongSupplier size, LongSupplier maxBytes) {
		Gauge.builder("provenant.cache.weight", weight::getAsLong)
			.description("Bytes a cache or buffer holds, estimated")
			.baseUnit("bytes")
			.tag("cache", name)
			.register(this.meters);
		Gauge.builder("provenant.cache.size", size::getAsLong)
			.description("Entries a cache or buffer holds")
			.tag("cache", name)
			.register(this.meters);
		Gauge.builder("provenant.cache.weight.max", maxBytes::getAsLong)
			.description("The most bytes a cache or buffer may hold (provenant.caches.*)")
			.baseUnit("bytes")
			.tag("cache", name)
			.register(this.meters);
	}

}
