package dev.provenant.signals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Utc;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Decision statistics and drift, aggregated by Neo4j; the service only shapes the rows.
 */
@Service
@EnableConfigurationProperties(SignalsProperties.class)
public class SignalsService {

	private final GraphStore store;

	private final NodeReader nodes;

	private final SignalsProperties properties;

	private final Clock clock;

	SignalsService(GraphStore store, NodeReader nodes, SignalsProperties properties, Clock clock) {
		this.store = store;
		this.nodes = nodes;
		this.properties = properties;
		this.clock = clock;
	}

	public List<DecisionStats> decisionStats(OffsetDateTime from, OffsetDateTime to, DecisionStats.Bucket bucket,
			DecisionStats.StatsGroup groupBy) {
		requireWindow("from", from, to);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", Utc.of(from));
		parameters.put("to", Utc.of(to));
		parameters.put("unit", (bucket == DecisionStats.Bucket.HOUR) ? "hour" : "day");
		parameters.put("groupBy", (groupBy == null) ? null : groupBy.name());
		parameters.put("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
		return this.store.read(tx -> {
			List<DecisionStats> rows = new ArrayList<>();
			this.store.run(tx, "signals/decision_stats", parameters).forEachRemaining(row -> rows.add(stats(row)));
			return rows;
		});
	}

	public Drift drift(String id, OffsetDateTime baselineFrom, OffsetDateTime baselineTo, OffsetDateTime currentFrom,
			OffsetDateTime currentTo) {
		requireWindow("baselineFrom", baselineFrom, baselineTo);
		requireWindow("currentFrom", currentFrom, currentTo);
		ProvenanceNode node = this.nodes.find(id).orElseThrow(() -> new NodeNotFound(id, "node"));
		if (node.kind() != NodeKind.MODEL_VERSION && node.kind() != NodeKind.PROMPT_VERSION) {
			throw new InvalidArgument("id",
					"'" + id + "' is a " + node.kind() + "; drift is measured for model and prompt versions");
		}
		Map<String, Object> parameters = Map.of("id", id, "baselineFrom", Utc.of(baselineFrom), "baselineTo",
				Utc.of(baselineTo), "currentFrom", Utc.of(currentFrom), "currentTo", Utc.of(currentTo));
		Histograms histograms = new Histograms();
		this.store.read(tx -> {
			this.store.run(tx, "signals/drift_histograms", parameters).forEachRemaining(histograms::add);
			return null;
		});
		Set<Integer> bins = IntStream.range(0, 10).boxed().collect(Collectors.toSet());
		Set<String> outcomes = new HashSet<>(histograms.outcomes("baseline").keySet());
		outcomes.addAll(histograms.outcomes("current").keySet());
		double confidencePsi = PopulationStability.index(histograms.bins("baseline"), histograms.bins("current"), bins);
		double outcomePsi = PopulationStability.index(histograms.outcomes("baseline"), histograms.outcomes("current"),
				outcomes);
		double threshold = this.properties.driftThreshold();
		return new Drift(confidencePsi, outcomePsi, confidencePsi >= threshold || outcomePsi >= threshold,
				(int) histograms.total("baseline"), (int) histograms.total("current"));
	}

	private static DecisionStats stats(Record row) {
		int decisions = row.get("decisions").asInt();
		return new DecisionStats(row.get("bucketStart").asOffsetDateTime(), row.get("grp").asString(null), decisions,
				(double) row.get("humanReview").asInt() / decisions, row.get("approved").asInt(),
				row.get("rejected").asInt(), row.get("overdueReviews").asInt(), row.get("violations").asInt(),
				row.get("rolledBackActions").asInt(), distribution(row, "confidence"),
				distribution(row, "dataQuality"));
	}

	private static DecisionStats.Distribution distribution(Record row, String field) {
		if (row.get(field + "Count").asInt() == 0) {
			return null;
		}
		return new DecisionStats.Distribution(row.get(field + "Mean").asDouble(), row.get(field + "P10").asDouble(),
				row.get(field + "P50").asDouble(), row.get(field + "P90").asDouble());
	}

	private static void requireWindow(String argument, OffsetDateTime from, OffsetDateTime to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidArgument(argument, "A window needs from before to; got " + from + " .. " + to);
		}
	}

	/** The drift query's rows, summed per window. */
	private static final class Histograms {

		private final Map<String, Map<Integer, Long>> bins = new HashMap<>();

		private final Map<String, Map<String, Long>> outcomes = new HashMap<>();

		void add(Record row) {
			String window = row.get("window").asString();
			long n = row.get("n").asLong();
			this.outcomes.computeIfAbsent(window, w -> new HashMap<>())
				.merge(row.get("outcome").asString(), n, Long::sum);
			if (!row.get("bin").isNull()) {
				this.bins.computeIfAbsent(window, w -> new HashMap<>()).merge(row.get("bin").asInt(), n, Long::sum);
			}
		}

		Map<Integer, Long> bins(String window) {
			return this.bins.getOrDefault(window, Map.of());
		}

		Map<String, Long> outcomes(String window) {
			return this.outcomes.getOrDefault(window, Map.of());
		}

		long total(String window) {
			return outcomes(window).values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
