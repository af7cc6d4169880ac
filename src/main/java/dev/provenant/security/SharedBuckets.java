package dev.provenant.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the rate limits one across instances: every
 * {@code provenant.security.limits-sync-interval} each instance takes from the buckets
 * kept in the store what it took from its own since the last time, and brings its own to
 * what the store's hold, so what a principal (or an address guessing keys) took through
 * one instance counts on all. Between two settlements an instance decides alone: a caller
 * spreading its requests over N instances may get up to N times its tokens for one
 * interval, and then owes the excess on every instance, so over a period the limit holds.
 * If the store cannot be reached each instance goes on limiting alone.
 */
final class SharedBuckets implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

	/** Buckets read back per kind and settlement, emptiest first. */
	private static final int DRAWN_LIMIT = Buckets.MAX_UNSETTLED_KEYS;

	/**
	 * Forgotten per settlement at most: more than one settlement can bring, so keys
	 * invented by a flood are cleared as fast as they come.
	 */
	private static final int FORGET_LIMIT = 2 * Buckets.MAX_UNSETTLED_KEYS;

	private final GraphStore store;

	private final List<Buckets> shared;

	private final Duration interval;

	private final ScheduledExecutorService settler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "rate-limit-sync");
		thread.setDaemon(true);
		return thread;
	});

	private long failingSince;

	SharedBuckets(GraphStore store, Duration interval, Buckets... buckets) {
		this.store = store;
		this.interval = interval;
		this.shared = List.of(buckets).stream().filter(Buckets::enabled).toList();
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.shared.isEmpty() || this.interval.isZero()) {
			return;
		}
		long every = this.interval.toMillis();
		this.settler.scheduleWithFixedDelay(this::settleQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.settler.shutdownNow();
	}

	private void settleQuietly() {
		try {
			settle();
			if (this.failingSince != 0) {
				log.info("Rate limits are shared with the other instances again");
				this.failingSince = 0;
			}
		}
		catch (RuntimeException ex) {
			if (this.failingSince == 0) {
				this.failingSince = System.nanoTime();
				log.warn("Could not share rate limits with the other instances; this instance limits alone until "
						+ "the store answers: {}", ex.getMessage());
			}
		}
	}

	/** One settlement: this instance's takings in, everyone's state back. */
	synchronized void settle() {
		List<Map<String, Long>> taken = new ArrayList<>(this.shared.size());
		this.shared.forEach(buckets -> taken.add(buckets.drainUnsettled()));
		List<List<Record>> drawn;
		try {
			drawn = this.store.writeSideState(tx -> {
				List<List<Record>> rows = new ArrayList<>(this.shared.size());
				long untouched = 0;
				for (int i = 0; i < this.shared.size(); i++) {
					Buckets buckets = this.shared.get(i);
					untouched = Math.max(untouched, buckets.period().toMillis());
					Map<String, Object> parameters = Map.of("name", buckets.name(), "capacity", buckets.capacity(),
							"perMillisecond", (double) buckets.capacity() / buckets.period().toMillis());
					if (!taken.get(i).isEmpty()) {
						List<Map<String, Object>> rowsTaken = new ArrayList<>(taken.get(i).size());
						taken.get(i).forEach((key, count) -> rowsTaken.add(Map.of("key", key, "taken", count)));
						Map<String, Object> settling = new HashMap<>(parameters);
						settling.put("taken", rowsTaken);
						this.store.run(tx, "security/settle_buckets", settling).consume();
					}
					rows.add(this.store
						.run(tx, "security/drawn_buckets", Map.of("name", buckets.name(), "limit", DRAWN_LIMIT))
						.list());
				}
				this.store
					.run(tx, "security/forget_buckets",
							Map.of("untouchedMillis", untouched + 60_000, "limit", FORGET_LIMIT))
					.consume();
				return rows;
			});
		}
		catch (RuntimeException ex) {
			// not settled: counted again at the next one
			restore(taken);
			throw ex;
		}
		for (int i = 0; i < this.shared.size(); i++) {
			for (Record row : drawn.get(i)) {
				this.shared.get(i).settle(row.get("key").asString(), row.get("tokens").asDouble());
			}
		}
	}

	private void restore(List<Map<String, Long>> taken) {
		for (int i = 0; i < this.shared.size(); i++) {
			this.shared.get(i).unsettle(taken.get(i));
		}
	}

}
