package dev.provenant.webhooks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.provenant.memory.CacheBounds;
import dev.provenant.memory.Caches;
import dev.provenant.memory.Footprint;
import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends pending deliveries: at once when an event commits, and on a short poll for
 * retries and for what a stop interrupted. Each attempt is recorded; a failed one is
 * tried again after a doubling wait, until {@code max-attempts}. Delivery is at least
 * once: a receiver recognises a repeat by its {@code webhook-id}.
 */
@Component
class WebhookDispatcher {

	/** Attempts in flight at once, over all endpoints. */
	static final int MAX_IN_FLIGHT = 32;

	private static final int MAX_ERROR_LENGTH = 500;

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookProperties properties;

	private final GraphStore store;

	private final MeterRegistry meters;

	private final Map<String, WebhookSignature> signatures = new HashMap<>();

	private final HttpClient http;

	private final ExecutorService poller = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "webhook-dispatcher");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pollQueued = new AtomicBoolean();

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Payload bytes in flight ({@code provenant.caches.webhook-in-flight-bytes}). */
	private final AtomicLong inFlightBytes = new AtomicLong();

	private final long maxInFlightBytes;

	private final Clock clock = Clock.systemUTC();

	WebhookDispatcher(WebhookProperties properties, GraphStore store, MeterRegistry meters, Caches caches) {
		this.properties = properties;
		this.store = store;
		this.meters = meters;
		this.maxInFlightBytes = caches.bounds().webhookInFlightBytes().toBytes();
		caches.measured(CacheBounds.WEBHOOKS_IN_FLIGHT, this.inFlightBytes::get, this.inFlight::get,
				() -> this.maxInFlightBytes);
		properties.endpoints()
			.forEach(endpoint -> this.signatures.put(endpoint.name(), new WebhookSignature(endpoint.secret())));
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		properties.endpoints()
			.forEach(endpoint -> log.info("Webhook endpoint '{}' receives {} at {}", endpoint.name(),
					endpoint.events().isEmpty() ? "every governance event" : endpoint.events(), endpoint.url()));
	}

	/** Looks for due deliveries soon, on the dispatcher's thread; cheap to call often. */
	void wake() {
		if (this.properties.endpoints().isEmpty() || !this.pollQueued.compareAndSet(false, true)) {
			return;
		}
		try {
			this.poller.execute(() -> {
				this.pollQueued.set(false);
				poll();
			});
		}
		catch (java.util.concurrent.RejectedExecutionException stopping) {
			this.pollQueued.set(false);
		}
	}

	@Scheduled(fixedDelayString = "${provenant.webhooks.poll-interval:PT1S}")
	void scheduledPoll() {
		wake();
	}

	/** Forgets settled deliveries older than {@code retention}, a chunk at a time. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void forgetSettled() {
		forgetSettledBefore(now().minus(this.properties.retention()));
	}

	void forgetSettledBefore(OffsetDateTime before) {
		try {
			long deleted;
			long total = 0;
			do {
				deleted = this.store.write(
						tx -> this.store.run(tx, "webhooks/delete_settled", Map.of("before", before, "limit", 10_000))
							.single()
							.get("deleted")
							.asLong());
				total += deleted;
			}
			while (deleted == 10_000);
			if (total > 0) {
				log.info("Forgot {} webhook deliveries settled before {}", total, before);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Forgetting old webhook deliveries failed; trying again in an hour: {}", ex.toString());
		}
	}

	@PreDestroy
	void stop() {
		this.poller.shutdownNow();
	}

	private void poll() {
		int room = MAX_IN_FLIGHT - this.inFlight.get();
		if (room <= 0) {
			return;
		}
		try {
			OffsetDateTime now = now();
			// The lease outlasts an attempt: a second poll cannot pick it up meanwhile.
			OffsetDateTime leaseUntil = now.plus(this.properties.timeout().multipliedBy(2)).plusSeconds(5);
			List<Claimed> claimed = this.store.write(tx -> {
				List<Claimed> rows = new ArrayList<>();
				this.store.run(tx, "webhooks/claim_due", Map.of("now", now, "leaseUntil", leaseUntil, "limit", room))
					.forEachRemaining(
							row -> rows.add(new Claimed(row.get("id").asString(), row.get("endpoint").asString(),
									row.get("eventId").asString(), row.get("eventType").asString(),
									row.get("payload").asString(), row.get("attempts").asInt())));
				return rows;
			});
			List<String> released = new ArrayList<>();
			for (Claimed delivery : claimed) {
				if (!attempt(delivery)) {
					released.add(delivery.id());
				}
			}
			if (!released.isEmpty()) {
				this.store
					.write(tx -> this.store.run(tx, "webhooks/release_claimed", Map.of("ids", released, "now", now()))
						.consume());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Looking for webhook deliveries failed; trying again shortly: {}", ex.toString());
		}
	}

	/**
	 * Sends one claimed delivery; false when its payload does not fit the bytes allowed
	 * in flight (one always goes, however large, when nothing else is in flight).
	 */
	private boolean attempt(Claimed delivery) {
		WebhookProperties.Endpoint endpoint = this.properties.endpoint(delivery.endpoint());
		if (endpoint == null) {
			record(delivery, null, "endpoint '" + delivery.endpoint() + "' is no longer configured", true);
			return true;
		}
		// The payload text and its UTF-8 body, both held until the attempt ends.
		long bytes = Footprint.string(delivery.payload()) + Footprint.bytes(delivery.payload().length());
		if (this.inFlight.get() > 0 && this.inFlightBytes.get() + bytes > this.maxInFlightBytes) {
			return false;
		}
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = now().toEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(endpoint.url())
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Provenant-Webhooks")
			.header("webhook-id", delivery.eventId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", this.signatures.get(endpoint.name()).sign(delivery.eventId(), timestamp, body))
			.header("Provenant-Event-Type", delivery.eventType())
			.header("Provenant-Delivery", delivery.id())
			.header("Provenant-Attempt", Integer.toString(delivery.attempts() + 1))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		this.inFlight.incrementAndGet();
		this.inFlightBytes.addAndGet(bytes);
		this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			this.inFlight.decrementAndGet();
			this.inFlightBytes.addAndGet(-bytes);
			if (error != null) {
				record(delivery, null, describe(error), false);
			}
			else if (response.statusCode() / 100 == 2) {
				record(delivery, response.statusCode(), null, false);
			}
			else {
				record(delivery, response.statusCode(), "HTTP " + response.statusCode(), false);
			}
		});
		return true;
	}

	private void record(Claimed delivery, Integer status, String error, boolean giveUp) {
		int attempts = delivery.attempts() + 1;
		OffsetDateTime at = now();
		String state;
		OffsetDateTime next = null;
		if (error == null) {
			state = "DELIVERED";
		}
		else if (giveUp || attempts >= this.properties.maxAttempts()) {
			state = "FAILED";
			log.warn("Webhook delivery {} to '{}' failed after {} attempts: {}", delivery.id(), delivery.endpoint(),
					attempts, error);
		}
		else {
			state = "PENDING";
			next = at.plus(jittered(backoff(this.properties.initialBackoff(), this.properties.maxBackoff(), attempts)));
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", delivery.id());
		parameters.put("at", at);
		parameters.put("status", status);
		parameters.put("error", error);
		parameters.put("state", state);
		parameters.put("nextAttemptAt", next);
		Counter.builder("provenant.webhook.attempts")
			.description("Webhook delivery attempts, by endpoint and outcome (delivered, retry, failed)")
			.tag("endpoint", delivery.endpoint())
			.tag("outcome", "PENDING".equals(state) ? "retry" : state.toLowerCase())
			.register(this.meters)
			.increment();
		try {
			this.store.write(tx -> this.store.run(tx, "webhooks/record_attempt", parameters).consume());
		}
		catch (RuntimeException ex) {
			// The lease runs out and the delivery is attempted again: at least once.
			log.warn("Recording webhook delivery {} failed: {}", delivery.id(), ex.toString());
		}
		if ("PENDING".equals(state) || this.inFlight.get() == 0) {
			wake();
		}
	}

	/** initial-backoff doubled per failed attempt, at most max-backoff. */
	static Duration backoff(Duration initial, Duration max, int failedAttempts) {
		Duration wait = initial;
		for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(max) > 0) ? max : wait;
	}

	/**
	 * Up to 10% more, so that receivers coming back are not hit by every retry at once.
	 */
	private static Duration jittered(Duration wait) {
		return wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 10 + 1));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String describe(Throwable error) {
		Throwable cause = (error instanceof java.util.concurrent.CompletionException && error.getCause() != null)
				? error.getCause() : error;
		String text = cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text;
	}

	/** A delivery leased for one attempt. */
	private record Claimed(String id, String endpoint, String eventId, String eventType, String payload, int attempts) {
	}

}
