package dev.provenant.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * What the clients have seen so far: each request's latency and outcome by operation
 * kind, the first few distinct error messages, and whether the rate limit refused any.
 */
final class Tally {

	static final int DISTINCT_ERRORS_KEPT = 5;

	private final Map<Operation, Latencies> byOperation = new EnumMap<>(Operation.class);

	private final Set<String> firstErrors = new LinkedHashSet<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final AtomicLong recordedDecisions = new AtomicLong();

	Tally() {
		for (Operation operation : Operation.values()) {
			this.byOperation.put(operation, new Latencies());
		}
	}

	void record(Step step, Reply reply) {
		boolean failed = !reply.succeeded();
		this.byOperation.get(step.operation()).record(reply.nanos(), failed);
		this.requests.incrementAndGet();
		if (failed) {
			this.errors.incrementAndGet();
			if (reply.rateLimited()) {
				this.rateLimited.incrementAndGet();
			}
			synchronized (this.firstErrors) {
				if (this.firstErrors.size() < DISTINCT_ERRORS_KEPT) {
					this.firstErrors.add(step.operation().label() + ": " + reply.firstError());
				}
			}
		}
		else {
			this.recordedDecisions.addAndGet(step.decisions().size());
		}
	}

	long requests() {
		return this.requests.get();
	}

	long errors() {
		return this.errors.get();
	}

	long rateLimited() {
		return this.rateLimited.get();
	}

	long recordedDecisions() {
		return this.recordedDecisions.get();
	}

	List<String> firstErrors() {
		synchronized (this.firstErrors) {
			return new ArrayList<>(this.firstErrors);
		}
	}

	LatencySummary summary(Operation operation) {
		Latencies latencies = this.byOperation.get(operation);
		return LatencySummary.of(latencies.values(), latencies.errors());
	}

	LatencySummary total() {
		long[] all = this.byOperation.values()
			.stream()
			.flatMapToLong(latencies -> LongStream.of(latencies.values()))
			.toArray();
		long errors = this.byOperation.values().stream().mapToLong(Latencies::errors).sum();
		return LatencySummary.of(all, errors);
	}

}
