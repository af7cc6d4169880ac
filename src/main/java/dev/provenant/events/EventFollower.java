package dev.provenant.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.provenant.store.GraphStore;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's subscribers every event in the {@link EventLog}, whichever
 * instance committed it, once each and in order: right after each of its own writes
 * commits, and every {@code provenant.events.poll-interval} for the others'. Also replays
 * the log after a subscriber's cursor, and forgets entries past
 * {@code provenant.events.retention}.
 */
@Component
public class EventFollower {

	private static final Logger log = LoggerFactory.getLogger(EventFollower.class);

	private static final int PAGE = 500;

	/**
	 * Live events a resuming subscriber may receive while the log's history is still
	 * being replayed to it; past this it misses the oldest of them, as a slow listener
	 * does.
	 */
	private static final int LIVE_WHILE_REPLAYING = 10_000;

	private final EventLog eventLog;

	private final GovernanceEvents events;

	private final EventLogProperties properties;

	private final Clock clock;

	private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "event-follower");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	/** The last sequence told to subscribers; guarded by {@code this}. */
	private long published;

	EventFollower(EventLog eventLog, GovernanceEvents events, GraphStore store, EventLogProperties properties,
			Clock clock) {
		this.eventLog = eventLog;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		// subscribers hear what commits from now on; a cursor brings earlier events
		this.published = store.read(eventLog::head);
		// Only a write that recorded events has anything for the follower to read.
		events.onCommitted(this::soon);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = this.properties.pollInterval().toMillis();
		this.follower.scheduleWithFixedDelay(this::followQuietly, every, every, TimeUnit.MILLISECONDS);
		this.follower.scheduleWithFixedDelay(this::forgetQuietly, 1, 60, TimeUnit.MINUTES);
	}

	@PreDestroy
	void stop() {
		this.follower.shutdownNow();
	}

	/**
	 * After this instance's own write of events commits: read at once rather than at the
	 * next poll.
	 */
	private void soon() {
		if (this.pending.compareAndSet(false, true)) {
			try {
				this.follower.execute(() -> {
					this.pending.set(false);
					followQuietly();
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// shutting down
			}
		}
	}

	private void followQuietly() {
		try {
			follow();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the governance event log now; the next poll tries again: {}", ex.getMessage());
		}
	}

	/** Publishes every entry after the last published one, in order. */
	synchronized void follow() {
		List<GovernanceEvent> page;
		do {
			page = this.eventLog.read(this.published, Long.MAX_VALUE, PAGE);
			for (GovernanceEvent event : page) {
				this.events.publish(event);
				this.published = event.sequence();
			}
		}
		while (page.size() == PAGE);
	}

	/**
	 * The events after {@code after} still kept in the log, then every event as it is
	 * published: none twice, none missing between the two.
	 */
	public Flux<GovernanceEvent> after(long after) {
		return Flux.defer(() -> {
			long upTo;
			ConnectableFlux<GovernanceEvent> live;
			synchronized (this) {
				// nothing is published while the live stream is joined at upTo
				upTo = this.published;
				live = this.events.stream().filter(event -> event.sequence() > upTo).replay(LIVE_WHILE_REPLAYING);
			}
			Disposable connection = live.connect();
			return Flux.concat(history(after, upTo).subscribeOn(Schedulers.boundedElastic()), live)
				.doFinally(signal -> connection.dispose());
		});
	}

	private Flux<GovernanceEvent> history(long after, long upTo) {
		if (after >= upTo) {
			return Flux.empty();
		}
		return Flux.defer(() -> {
			List<GovernanceEvent> page = this.eventLog.read(after, upTo, PAGE);
			if (page.isEmpty()) {
				return Flux.empty();
			}
			Flux<GovernanceEvent> these = Flux.fromIterable(page);
			return (page.size() < PAGE) ? these : these.concatWith(history(page.get(page.size() - 1).sequence(), upTo));
		});
	}

	private void forgetQuietly() {
		try {
			OffsetDateTime before = OffsetDateTime.now(this.clock).minus(this.properties.retention());
			long forgotten = this.eventLog.forgetOlderThan(before);
			if (forgotten > 0) {
				log.info("Forgot {} governance events recorded before {} (provenant.events.retention)", forgotten,
						before);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not forget old governance events now: {}", ex.getMessage());
		}
	}

}
