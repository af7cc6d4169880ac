package dev.provenant.impact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.AnswerLimit;
import dev.provenant.api.NodeNotFound;
import dev.provenant.dependency.DependencyIndex;
import dev.provenant.dependency.IndexedGraph;
import dev.provenant.graph.Action;
import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.graph.Utc;
import dev.provenant.memory.CacheBounds;
import dev.provenant.memory.Caches;
import dev.provenant.memory.Footprint;
import dev.provenant.memory.KeptAnswers;
import dev.provenant.node.NodeReader;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Computes a blast radius: the root, the decisions (and counts by kind) downstream of it,
 * and the actions downstream of those decisions. From the dependency index, or in one
 * read transaction of two Cypher traversals, whatever its size.
 */
@Service
public class BlastRadiusService {

	private final GraphStore store;

	private final NodeReader nodes;

	private final DependencyIndex index;

	private final AnswerLimit limit;

	/**
	 * Recent answers from the index, by question and the audit sequence they reflect;
	 * weighed in bytes ({@code provenant.caches.blast-radius-bytes}). The index only
	 * moves forward, so answers of an older sequence are dropped once a newer one is
	 * kept.
	 */
	private final KeptAnswers<Question, BlastRadius> recent;

	public BlastRadiusService(GraphStore store, NodeReader nodes, DependencyIndex index, AnswerLimit limit,
			Caches caches) {
		this.store = store;
		this.nodes = nodes;
		this.index = index;
		this.limit = limit;
		this.recent = caches.answers(CacheBounds.BLAST_RADII, caches.bounds().blastRadiusBytes().toBytes(),
				AnswerFootprint::of, Question::sequence);
	}

	private record Rooted(ProvenanceNode root, long head) {
	}

	private record Question(String root, TimeWindow window, long sequence) {
	}

	public BlastRadius blastRadius(String id, TimeWindow window) {
		return blastRadius(id, window, null);
	}

	/**
	 * The blast radius over what had been recorded at {@code asOf} (now when
	 * {@code null}). The present is answered from the dependency index once it is ready;
	 * the past, and the present until then, by Cypher traversals.
	 */
	public BlastRadius blastRadius(String id, TimeWindow window, OffsetDateTime asOf) {
		// The root and, for the index, the audit head it must have caught up with: one
		// round trip.
		Rooted rooted = this.store.read(tx -> new Rooted(this.nodes.findAll(tx, List.of(id), asOf).get(id),
				(asOf == null && this.index.ready()) ? this.index.head(tx) : -1));
		ProvenanceNode root = rooted.root();
		if (root == null) {
			throw new NodeNotFound(id, "node");
		}
		if (rooted.head() >= 0) {
			BlastRadius indexed = this.index.read(rooted.head(), graph -> fromIndex(graph, root, window)).orElse(null);
			if (indexed != null) {
				return indexed;
			}
		}
		return radius(root, this.store.read(tx -> traverse(tx, root, window, asOf)), asOf, -1);
	}

	/**
	 * The same question asked again while nothing was written, as when a client pages
	 * through a large answer, gets the answer computed the first time.
	 */
	private BlastRadius fromIndex(IndexedGraph graph, ProvenanceNode root, TimeWindow window) {
		long sequence = this.index.sequence();
		return this.recent.get(new Question(root.id(), window, sequence), question -> {
			Reach reach = IndexedReach.of(graph, root.id(), window, this.limit);
			return (reach != null) ? radius(root, reach, null, sequence) : null;
		});
	}

	private static BlastRadius radius(ProvenanceNode root, Reach reach, OffsetDateTime asOf, long sequence) {
		List<AffectedDecision> decisions = newestFirst(reach.decisions());
		List<AffectedAction> actions = newestFirst(reach.actions());
		Map<NodeKind, Integer> counts = new EnumMap<>(NodeKind.class);
		counts.putAll(reach.counts());
		counts.remove(NodeKind.DECISION);
		counts.remove(NodeKind.ACTION);
		if (!decisions.isEmpty()) {
			counts.put(NodeKind.DECISION, decisions.size());
		}
		if (!actions.isEmpty()) {
			counts.put(NodeKind.ACTION, actions.size());
		}
		List<KindCount> affected = new ArrayList<>();
		counts.forEach((kind, count) -> affected.add(new KindCount(kind, count)));
		return new BlastRadius(root, decisions, actions, List.copyOf(affected), asOf, sequence);
	}

	/** The index's lists come ordered and cannot change; Cypher's are ordered here. */
	private static <T extends Dated> List<T> newestFirst(List<T> items) {
		if (items instanceof CompactDecisions || items instanceof CompactActions) {
			return items;
		}
		List<T> ordered = new ArrayList<>(items);
		ordered.sort(Dated.NEWEST_FIRST);
		return List.copyOf(ordered);
	}

	private Reach traverse(TransactionContext tx, ProvenanceNode root, TimeWindow window, OffsetDateTime asOf) {
		Map<NodeKind, Integer> counts = new EnumMap<>(NodeKind.class);
		List<AffectedDecision> decisions = new ArrayList<>();
		Map<String, Object> parameters = new HashMap<>(window.parameters());
		parameters.put("id", root.id());
		parameters.put("asOf", Utc.asOf(asOf));
		Weighed weighed = new Weighed("The blast radius of '" + root.id() + "'", this.limit);
		this.store.run(tx, "impact/downstream_decisions", parameters).forEachRemaining(row -> {
			NodeKind kind = NodeKind.valueOf(row.get("kind").asString());
			counts.put(kind, row.get("count").asInt());
			for (Value decision : row.get("decisions").values()) {
				String id = decision.get("id").asString();
				String reviewState = decision.get("reviewState").asString(null);
				weighed.add(AnswerFootprint.DECISION + Footprint.string(id) + Footprint.string(reviewState));
				decisions.add(new AffectedDecision(id, decision.get("occurredAt").asOffsetDateTime().toInstant(),
						reviewState));
			}
		});
		List<String> seeds = (root instanceof Action) ? List.of(root.id())
				: decisions.stream().map(AffectedDecision::id).toList();
		List<AffectedAction> actions = actions(tx, seeds, asOf, weighed);
		weighed.check();
		return new Reach(counts, decisions, actions);
	}

	/**
	 * The weight of an answer Cypher streams in, checked as it grows: the traversal does
	 * not know the closure's size before it has found it.
	 */
	private static final class Weighed {

		/** Checks once per this many bytes, not per element, and once at the end. */
		private static final long CHECK_EVERY = 64 << 10;

		private final String question;

		private final AnswerLimit limit;

		private long items;

		private long bytes;

		private long checked;

		Weighed(String question, AnswerLimit limit) {
			this.question = question;
			this.limit = limit;
		}

		void add(long elementBytes) {
			this.items++;
			// Twice the list slot: the answer is sorted into a copy while it is built.
			this.bytes += elementBytes + Footprint.REFERENCE;
			if (this.bytes - this.checked >= CHECK_EVERY) {
				check();
			}
		}

		void check() {
			this.checked = this.bytes;
			this.limit.check(this.question, this.items, this.bytes);
		}

	}

	private List<AffectedAction> actions(TransactionContext tx, List<String> seeds, OffsetDateTime asOf,
			Weighed weighed) {
		List<AffectedAction> actions = new ArrayList<>();
		if (seeds.isEmpty()) {
			return actions;
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("seeds", seeds);
		parameters.put("asOf", Utc.asOf(asOf));
		this.store.run(tx, "impact/downstream_actions", parameters).forEachRemaining(row -> {
			AffectedAction action = new AffectedAction(row.get("id").asString(),
					row.get("occurredAt").asOffsetDateTime().toInstant(),
					ActionStatus.valueOf(row.get("status").asString()), row.get("reversible").asBoolean(true),
					row.get("triggeredBy").asList(Value::asString));
			weighed.add(AnswerFootprint.of(action));
			actions.add(action);
		});
		return actions;
	}

}
