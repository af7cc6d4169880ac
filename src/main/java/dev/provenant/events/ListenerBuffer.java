package dev.provenant.events;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.provenant.memory.Footprint;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One listener's events not yet taken, up to a weight in bytes: past it the oldest are
 * dropped (and reported), so a slow or stalled subscriber costs a bounded amount of heap
 * and never holds a writer up. Events are handed on as the listener asks for them, on the
 * thread that published or requested.
 */
final class ListenerBuffer {

	private final FluxSink<GovernanceEvent> sink;

	private final long maxBytes;

	private final Totals totals;

	private final Consumer<GovernanceEvent> dropped;

	private final ArrayDeque<Held> queue = new ArrayDeque<>();

	private long bytes;

	private boolean draining;

	private ListenerBuffer(FluxSink<GovernanceEvent> sink, long maxBytes, Totals totals,
			Consumer<GovernanceEvent> dropped) {
		this.sink = sink;
		this.maxBytes = maxBytes;
		this.totals = totals;
		this.dropped = dropped;
	}

	/** What every listener's buffer holds together, for the metrics. */
	record Totals(AtomicLong bytes, AtomicLong events) {

		Totals() {
			this(new AtomicLong(), new AtomicLong());
		}

		void add(long eventBytes, int events) {
			this.bytes.addAndGet(eventBytes);
			this.events.addAndGet(events);
		}

	}

	private record Held(GovernanceEvent event, long bytes) {
	}

	/** {@code events} to one listener through a buffer of at most {@code maxBytes}. */
	static Flux<GovernanceEvent> of(Flux<GovernanceEvent> events, long maxBytes, Totals totals,
			Consumer<GovernanceEvent> dropped) {
		return Flux.create(sink -> {
			ListenerBuffer buffer = new ListenerBuffer(sink, maxBytes, totals, dropped);
			Disposable upstream = events.subscribe(buffer::offer, sink::error, sink::complete);
			sink.onRequest(requested -> buffer.drain());
			sink.onDispose(() -> {
				upstream.dispose();
				buffer.clear();
			});
		});
	}

	/** Estimated heap bytes of an event: the record, its strings, time and details. */
	static long weight(GovernanceEvent event) {
		return Footprint.object(5 * Footprint.REFERENCE) + Footprint.string(event.id())
				+ Footprint.string(event.subjectId()) + Footprint.OFFSET_DATE_TIME + Footprint.of(event.detail());
	}

	private void offer(GovernanceEvent event) {
		Held held = new Held(event, weight(event));
		synchronized (this) {
			this.queue.add(held);
			this.bytes += held.bytes();
			this.totals.add(held.bytes(), 1);
			// The newest is kept even alone past the bound: it is what the listener
			// takes next.
			while (this.bytes > this.maxBytes && this.queue.size() > 1) {
				Held oldest = this.queue.poll();
				this.bytes -= oldest.bytes();
				this.totals.add(-oldest.bytes(), -1);
				this.dropped.accept(oldest.event());
			}
		}
		drain();
	}

	/** Hands on what the listener asked for; one thread at a time. */
	private void drain() {
		synchronized (this) {
			if (this.draining) {
				return;
			}
			this.draining = true;
		}
		boolean done = false;
		try {
			while (!done) {
				Held next;
				synchronized (this) {
					if (this.queue.isEmpty() || this.sink.requestedFromDownstream() <= 0) {
						this.draining = false;
						done = true;
						continue;
					}
					next = this.queue.poll();
					this.bytes -= next.bytes();
					this.totals.add(-next.bytes(), -1);
				}
				this.sink.next(next.event());
			}
		}
		finally {
			if (!done) {
				synchronized (this) {
					this.draining = false;
				}
			}
		}
	}

	private synchronized void clear() {
		this.totals.add(-this.bytes, -this.queue.size());
		this.queue.clear();
		this.bytes = 0;
	}

}
