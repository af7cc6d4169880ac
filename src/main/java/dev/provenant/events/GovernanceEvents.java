package dev.provenant.events;

import java.util.List;

import dev.provenant.memory.CacheBounds;
import dev.provenant.memory.Caches;
import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where governance events are recorded and heard. A write hands its events over inside
 * its transaction ({@link #record}); outboxes (the event log, webhooks) store what they
 * must in it, and listeners hear the events only once the write has committed, from the
 * event log that every instance shares: a rolled-back write announces nothing, and an
 * event committed through any instance is heard on all of them.
 */
@Component
public class GovernanceEvents {

	private static final Logger log = LoggerFactory.getLogger(GovernanceEvents.class);

	private final Sinks.Many<GovernanceEvent> sink = Sinks.many().multicast().directBestEffort();

	private final GraphStore store;

	private final ObjectProvider<EventsRecorded> outboxes;

	private final java.util.List<Runnable> committedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final MeterRegistry meters;

	/**
	 * Bytes a slow listener may fall behind by before it misses the oldest events
	 * ({@code provenant.caches.subscription-buffer-bytes}).
	 */
	private final long listenerBufferBytes;

	private final ListenerBuffer.Totals buffered = new ListenerBuffer.Totals();

	GovernanceEvents(GraphStore store, ObjectProvider<EventsRecorded> outboxes, MeterRegistry meters, Caches caches) {
		this.store = store;
		this.outboxes = outboxes;
		this.meters = meters;
		this.listenerBufferBytes = caches.bounds().subscriptionBufferBytes().toBytes();
		meters.gauge("provenant.governance.listeners", this, GovernanceEvents::listeners);
		caches.measured(CacheBounds.SUBSCRIPTIONS, this.buffered.bytes()::get, this.buffered.events()::get,
				() -> this.listenerBufferBytes * listeners());
	}

	/**
	 * Records {@code events} with the current write transaction; see the class comment.
	 */
	public void record(TransactionContext tx, List<GovernanceEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		// Listeners hear of them from the event log (EventFollower), as they hear of
		// every other instance's: once each, in commit order.
		this.store.afterCommit(() -> {
			events.forEach(this::count);
			this.committedListeners.forEach(Runnable::run);
		});
		this.outboxes.orderedStream().forEach(outbox -> outbox.recorded(tx, events));
	}

	/**
	 * Runs {@code listener} after each write of this instance that recorded events has
	 * committed, on the writer's thread: it must be quick.
	 */
	void onCommitted(Runnable listener) {
		this.committedListeners.add(listener);
	}

	/**
	 * Every event committed from now on. A listener that falls more than
	 * {@code provenant.caches.subscription-buffer-bytes} behind misses the oldest events
	 * (logged) rather than holding the writers up.
	 */
	public Flux<GovernanceEvent> stream() {
		return ListenerBuffer.of(this.sink.asFlux(), this.listenerBufferBytes, this.buffered,
				dropped -> log.warn("A slow listener missed governance event {}", dropped.id()));
	}

	/** Listeners subscribed now (GraphQL subscriptions, one per subscribed operation). */
	public int listeners() {
		return this.sink.currentSubscriberCount();
	}

	private void count(GovernanceEvent event) {
		Counter.builder("provenant.governance.events")
			.description("Governance events committed through this instance, by type")
			.tag("type", event.type().name())
			.register(this.meters)
			.increment();
	}

	/**
	 * Tells this instance's listeners of a committed event, read back from the event log.
	 * A listener that cannot keep up loses its oldest events (see stream) rather than
	 * holding the follower up.
	 */
	synchronized void publish(GovernanceEvent event) {
		this.sink.tryEmitNext(event);
	}

}
