package dev.provenant.load;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mix of requests: a share of ingest batches of new decisions (each with two actions,
 * the second triggered by the first) made from the run's upstream graph, and otherwise an
 * even spread of queries about recent decisions and upstream nodes.
 */
final class Workload {

	private static final int RECENT_DECISIONS = 1024;

	private static final int FEATURES_PER_DECISION = 3;

	private static final int LINEAGE_DEPTH = 4;

	private final UpstreamGraph upstream;

	private final double ingestShare;

	private final int batchSize;

	private final RecentDecisions recent = new RecentDecisions(RECENT_DECISIONS);

	private final AtomicLong sequence = new AtomicLong();

	Workload(UpstreamGraph upstream, double ingestShare, int batchSize) {
		this.upstream = upstream;
		this.ingestShare = ingestShare;
		this.batchSize = batchSize;
	}

	Step next(Random random) {
		String decision = this.recent.pick(random);
		// Until a decision exists there is nothing to query about.
		if (decision == null || random.nextDouble() < this.ingestShare) {
			return ingest(random, this.batchSize);
		}
		Operation[] queries = Operation.queries();
		Operation operation = queries[random.nextInt(queries.length)];
		return new Step(operation, query(operation, decision, random), List.of());
	}

	/** A batch of {@code decisions} new decisions and their actions. */
	Step ingest(Random random, int decisions) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<Object> decisionRecords = new ArrayList<>();
		List<Object> actionRecords = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < decisions; i++) {
			long number = this.sequence.incrementAndGet();
			Map<String, Object> decision = decision(this.upstream.prefix() + "dec:" + number, now, random);
			decisionRecords.add(decision);
			actionRecords.addAll(actions(number, (String) decision.get("id"), now));
			ids.add((String) decision.get("id"));
		}
		Map<String, Object> batch = Map.of("decisions", decisionRecords, "actions", actionRecords);
		return new Step(Operation.INGEST, new GraphQlRequest(Documents.INGEST, Map.of("batch", batch)), ids);
	}

	/** Makes the decisions of a step the service confirmed available to later queries. */
	void recorded(Step step) {
		step.decisions().forEach(this.recent::add);
	}

	private GraphQlRequest query(Operation operation, String decision, Random random) {
		return switch (operation) {
			case LINEAGE -> new GraphQlRequest(Documents.LINEAGE, Map.of("id", decision, "depth", LINEAGE_DEPTH));
			case BLAST_RADIUS -> new GraphQlRequest(Documents.BLAST_RADIUS, Map.of("id", anyInput(random)));
			case ASSESS -> new GraphQlRequest(Documents.ASSESS, Map.of("decision", proposal(random)));
			case NODE -> new GraphQlRequest(Documents.NODE, Map.of("id", decision));
			case ROLLBACK_SCOPE -> new GraphQlRequest(Documents.ROLLBACK_SCOPE, Map.of("id", decision));
			case INGEST -> throw new IllegalArgumentException("Not a query: " + operation);
		};
	}

	private String anyInput(Random random) {
		List<String> inputs = this.upstream.inputs();
		return inputs.get(random.nextInt(inputs.size()));
	}

	/** A decision to assess; it is never recorded, so its id needs only to be new. */
	private Map<String, Object> proposal(Random random) {
		String id = this.upstream.prefix() + "proposal:" + this.sequence.incrementAndGet();
		return decision(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), random);
	}

	private Map<String, Object> decision(String id, Instant occurredAt, Random random) {
		double confidence = 0.5 + random.nextDouble() / 2;
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("id", id);
		decision.put("occurredAt", occurredAt.toString());
		decision.put("subject", "applicant:" + random.nextInt(100_000));
		decision.put("outcome", random.nextBoolean() ? "approve" : "decline");
		decision.put("confidence", confidence);
		decision.put("route", (confidence < UpstreamGraph.MIN_CONFIDENCE) ? "HUMAN_REVIEW" : "AUTONOMOUS");
		decision.put("dataQuality", 0.8 + random.nextDouble() / 5);
		decision.put("riskScore", random.nextDouble() / 2);
		decision.put("modelVersion", this.upstream.modelVersion());
		decision.put("promptVersion", this.upstream.promptVersion());
		decision.put("policy", this.upstream.policy());
		decision.put("features", features(random));
		List<String> dataSources = this.upstream.dataSources();
		decision.put("dataSources", List.of(dataSources.get(random.nextInt(dataSources.size()))));
		return decision;
	}

	private List<String> features(Random random) {
		List<String> pool = new ArrayList<>(this.upstream.features());
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < FEATURES_PER_DECISION && !pool.isEmpty(); i++) {
			chosen.add(pool.remove(random.nextInt(pool.size())));
		}
		return chosen;
	}

	private List<Map<String, Object>> actions(long number, String decision, Instant decidedAt) {
		String notify = this.upstream.prefix() + "act:" + number + "-notify";
		Map<String, Object> first = Map.of("id", notify, "occurredAt", decidedAt.plusSeconds(1).toString(), "type",
				"NOTIFY_APPLICANT", "target", "applicant-inbox", "decision", decision);
		Map<String, Object> second = Map.of("id", this.upstream.prefix() + "act:" + number + "-update", "occurredAt",
				decidedAt.plusSeconds(2).toString(), "type", "UPDATE_ACCOUNT", "target", "account-ledger", "reversible",
				number % 2 == 0, "decision", decision, "triggeredBy", List.of(notify));
		return List.of(first, second);
	}

}
