package dev.provenant.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Agents recording one decision at a time: each writer sends requests of one decision and
 * its two actions (the second triggered by the first) through the GraphQL endpoint, one
 * after the other, for a set time; the writers run side by side. Beside them, two
 * ceilings measured the same way: the same requests created by Neo4j alone, one
 * transaction each through the service's driver (the small-write floor: what the store
 * takes for one writer's transaction, with no HTTP, checks, governance or audit), and
 * empty GraphQL requests ({@code { __typename }}): the most requests this machine answers
 * through the same HTTP and GraphQL stack, with no database work at all.
 */
final class SmallWrites {

	private final ServiceEngine service;

	private final long run;

	private final AtomicLong written = new AtomicLong();

	SmallWrites(ServiceEngine service, long run) {
		this.service = service;
		this.run = run;
	}

	/**
	 * What a phase measured: requests answered, decisions recorded (0 for empty requests)
	 * and each request's latency.
	 */
	record Result(int clients, long requests, long decisions, double seconds, Measurement request) {

		double requestsPerSecond() {
			return this.requests / this.seconds;
		}

		double decisionsPerSecond() {
			return this.decisions / this.seconds;
		}

	}

	/**
	 * {@code writers} writers recording one decision per request for {@code duration}.
	 */
	Result writes(int writers, Duration duration) {
		return drive(writers, duration, () -> {
			long n = this.written.incrementAndGet();
			int created = this.service.ingest(batch(n));
			if (created != 3) {
				throw new IllegalStateException("A small write created " + created + " records, not 3");
			}
			return 1;
		});
	}

	/**
	 * {@code writers} writers creating the same requests through {@code floor}, one
	 * transaction each, for {@code duration}; the floor's copy of the upstream records
	 * they reference must exist.
	 */
	Result floorWrites(int writers, Duration duration, WriteFloor floor) {
		return drive(writers, duration, () -> {
			long n = this.written.incrementAndGet();
			long created = floor.create(batch(n));
			if (created != 3) {
				throw new IllegalStateException("A small write of the floor created " + created + " nodes, not 3");
			}
			return 1;
		});
	}

	/** {@code clients} clients sending empty GraphQL requests for {@code duration}. */
	Result emptyRequests(int clients, Duration duration) {
		return drive(clients, duration, () -> {
			this.service.emptyRequest();
			return 0;
		});
	}

	/**
	 * Runs {@code request} from {@code clients} threads, each one request after the
	 * other, until {@code duration} has passed; the first that fails fails the phase.
	 * @param request sends one request and returns how many decisions it recorded
	 */
	private static Result drive(int clients, Duration duration, LongSupplier request) {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong decisions = new AtomicLong();
		long started = System.nanoTime();
		long end = started + duration.toNanos();
		try {
			List<Future<Void>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(() -> {
					do {
						long start = System.nanoTime();
						decisions.addAndGet(request.getAsLong());
						latencies.add(System.nanoTime() - start);
					}
					while (System.nanoTime() < end);
					return null;
				}));
			}
			for (Future<Void> client : running) {
				client.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("a small writer failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
		return new Result(clients, nanos.length, decisions.get(), seconds, Measurement.ofNanos(nanos));
	}

	/**
	 * One decision over the synthetic graph's first features, model version and policy,
	 * with a notification and a follow-up it triggered, as an agent records after acting.
	 */
	private Map<String, Object> batch(long n) {
		String decision = "small:" + this.run + ":" + n;
		String at = Instant.parse("2026-06-01T00:00:00Z").plusMillis(n).toString();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", decision);
		record.put("occurredAt", at);
		record.put("outcome", "approve");
		record.put("confidence", 0.97);
		record.put("route", "AUTONOMOUS");
		record.put("features", List.of(SyntheticGraph.feature(0), SyntheticGraph.feature(1)));
		record.put("modelVersion", SyntheticGraph.model(0));
		record.put("policy", SyntheticGraph.policy(0));
		Map<String, Object> first = Map.of("id", decision + ":notify", "occurredAt", at, "type", "notify", "decision",
				decision);
		Map<String, Object> second = Map.of("id", decision + ":follow-up", "occurredAt", at, "type", "follow-up",
				"decision", decision, "triggeredBy", List.of(decision + ":notify"));
		return Map.of("decisions", List.of(record), "actions", List.of(first, second));
	}

}
