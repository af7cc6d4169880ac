package dev.provenant.dependency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;
import dev.provenant.support.Retained;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGraphTests {

	private final DependencyGraph graph = new DependencyGraph();

	@Test
	void nodesAreNumberedOnceEach() {
		int source = this.graph.add("s", NodeKind.DATA_SOURCE);
		assertThat(this.graph.add("s", NodeKind.DATA_SOURCE)).isEqualTo(source);
		assertThat(this.graph.find("s")).isEqualTo(source);
		assertThat(this.graph.find("unknown")).isEqualTo(-1);
		assertThat(this.graph.size()).isEqualTo(1);
	}

	@Test
	void anEdgeIsStoredOnceHoweverOftenItIsApplied() {
		int feature = this.graph.add("f", NodeKind.FEATURE);
		int source = this.graph.add("s", NodeKind.DATA_SOURCE);
		this.graph.addEdge(feature, EdgeType.DERIVED_FROM, source);
		this.graph.addEdge(feature, EdgeType.DERIVED_FROM, source);
		assertThat(this.graph.edgeCount()).isEqualTo(1);
		assertThat(this.graph.targets(feature, EdgeType.DERIVED_FROM)).containsExactly(source);
		assertThat(this.graph.targets(feature, EdgeType.USED)).isEmpty();
		assertThat(this.graph.targetCount(feature, EdgeType.DERIVED_FROM)).isEqualTo(1);
		assertThat(this.graph.targetCount(feature, EdgeType.USED)).isZero();
	}

	@Test
	void reachFollowsOnlyTheGivenTypesAndVisitsEachNodeOnce() {
		int source = this.graph.add("s", NodeKind.DATA_SOURCE);
		int f1 = this.graph.add("f1", NodeKind.FEATURE);
		int f2 = this.graph.add("f2", NodeKind.FEATURE);
		int decision = this.graph.add("d", NodeKind.DECISION);
		int action = this.graph.add("a", NodeKind.ACTION);
		this.graph.addEdge(f1, EdgeType.DERIVED_FROM, source);
		this.graph.addEdge(f2, EdgeType.DERIVED_FROM, source);
		this.graph.addEdge(f2, EdgeType.DERIVED_FROM, f1);
		this.graph.addEdge(decision, EdgeType.USED, f1);
		this.graph.addEdge(decision, EdgeType.USED, f2);
		this.graph.addEdge(action, EdgeType.EXECUTES, decision);

		assertThat(this.graph.reachAgainst(new int[] { source }, EnumSet.of(EdgeType.DERIVED_FROM, EdgeType.USED)))
			.containsExactlyInAnyOrder(source, f1, f2, decision);
		assertThat(this.graph.reachAlong(new int[] { action, action }, EnumSet.allOf(EdgeType.class)))
			.containsExactlyInAnyOrder(action, decision, f1, f2, source);
		assertThat(this.graph.reachAgainst(new int[] { decision }, EnumSet.of(EdgeType.DERIVED_FROM)))
			.containsExactly(decision);
	}

	@Test
	void factsReadBackAsSet() {
		int decision = this.graph.add("d", NodeKind.DECISION);
		Instant at = Instant.parse("2026-03-01T10:00:00.123456789Z");
		this.graph.setFacts(decision, at, ReviewState.PENDING, false, true);
		assertThat(this.graph.occurredAt(decision)).isEqualTo(at);
		assertThat(this.graph.reviewState(decision)).isEqualTo(ReviewState.PENDING);

		int action = this.graph.add("a", NodeKind.ACTION);
		this.graph.setFacts(action, at, null, true, false);
		assertThat(this.graph.rolledBack(action)).isTrue();
		assertThat(this.graph.reversible(action)).isFalse();
		assertThat(this.graph.reviewState(action)).isNull();
	}

	@Test
	void aGraphLargerThanItsFirstArraysKeepsEveryNode() {
		int previous = this.graph.add("n0", NodeKind.FEATURE);
		for (int i = 1; i < 5000; i++) {
			int node = this.graph.add("n" + i, NodeKind.FEATURE);
			this.graph.addEdge(node, EdgeType.DERIVED_FROM, previous);
			previous = node;
		}
		assertThat(this.graph.reachAgainst(new int[] { 0 }, EnumSet.of(EdgeType.DERIVED_FROM))).hasSize(5000);
		assertThat(this.graph.approximateBytes()).isPositive();
	}

	@Test
	void idsOfAnyLengthAndScriptAreFoundReadBackAndOrderedAsStrings() {
		Random random = new Random(7);
		List<String> ids = new ArrayList<>(List.of("", "a", "ä", "é1", "\uFFFD", "\uD83D\uDE00x", "\uE000",
				"a".repeat(127), "a".repeat(128), "ß".repeat(9000), "z".repeat(20_000)));
		for (int i = 0; i < 3000; i++) {
			ids.add(randomId(random));
		}
		Map<String, Integer> numbers = new HashMap<>();
		for (String id : ids) {
			numbers.putIfAbsent(id, this.graph.add(id, NodeKind.FEATURE));
		}
		assertThat(this.graph.size()).isEqualTo(numbers.size());
		numbers.forEach((id, node) -> {
			assertThat(this.graph.find(id)).isEqualTo(node);
			assertThat(this.graph.id(node)).isEqualTo(id);
			assertThat(this.graph.idLength(node)).isGreaterThanOrEqualTo(id.length());
		});
		assertThat(this.graph.find("not-" + ids.get(20))).isEqualTo(-1);
		NodeIds view = this.graph.ids();
		for (int i = 0; i < 20_000; i++) {
			String a = ids.get(random.nextInt(ids.size()));
			String b = ids.get(random.nextInt(ids.size()));
			assertThat(Integer.signum(this.graph.compareIds(numbers.get(a), numbers.get(b)))).as("%s against %s", a, b)
				.isEqualTo(Integer.signum(a.compareTo(b)));
			assertThat(Integer.signum(view.compare(numbers.get(a), numbers.get(b)))).as("view: %s against %s", a, b)
				.isEqualTo(Integer.signum(a.compareTo(b)));
		}
	}

	/**
	 * Short ids over ASCII, Latin-1, other planes and surrogate pairs, sharing prefixes.
	 */
	private static String randomId(Random random) {
		String[] alphabet = { "a", "b", "Z", "0", "-", "é", "ÿ", "Ā", "\u4E2D", "\uFF5E", "\uD83D\uDE00",
				"\uD800\uDC00" };
		StringBuilder id = new StringBuilder("p");
		int length = random.nextInt(6);
		for (int i = 0; i < length; i++) {
			id.append(alphabet[random.nextInt(alphabet.length)]);
		}
		return id.toString();
	}

	@Test
	void aViewOfTheIdsReadsThemAfterTheIndexHasGrownPastItsPages() {
		int first = this.graph.add("first", NodeKind.DECISION);
		NodeIds view = this.graph.ids();
		for (int i = 0; i < 200_000; i++) {
			this.graph.add("decision-" + i + "-" + "x".repeat(i % 40), NodeKind.DECISION);
		}
		assertThat(view.id(first)).isEqualTo("first");
		assertThat(this.graph.ids().id(this.graph.size() - 1)).isEqualTo("decision-199999-" + "x".repeat(39));
	}

	/**
	 * Edges added as a build does (all logged, laid out once), then one by one past
	 * several merges of the log into the rows, each started when due and swapped in after
	 * more edges were added meanwhile, against a plain model: the same targets in the
	 * order added, the same closures both ways, and no edge twice.
	 */
	@Test
	void edgesReadBackAsAddedAcrossMergesOfTheLogIntoTheRows() {
		Random random = new Random(42);
		EdgeType[] types = { EdgeType.DERIVED_FROM, EdgeType.USED, EdgeType.EXECUTES, EdgeType.TRIGGERED_BY };
		Map<Integer, List<int[]>> model = new HashMap<>();
		for (int i = 0; i < 2000; i++) {
			this.graph.add("n" + i, NodeKind.FEATURE);
		}
		for (int i = 0; i < 10_000; i++) {
			addBoth(model, random.nextInt(2000), types[random.nextInt(types.length)], random.nextInt(2000));
		}
		this.graph.compact();
		Edges.Merge merge = null;
		int merges = 0;
		for (int i = 0; i < 300_000; i++) {
			int from = (i % 3 == 0) ? this.graph.add("late" + i, NodeKind.ACTION) : random.nextInt(this.graph.size());
			addBoth(model, from, types[random.nextInt(types.length)], random.nextInt(this.graph.size()));
			if (merge == null && this.graph.mergeDue()) {
				merge = this.graph.startMerge();
				// what a merge reads does not change while more edges are added
				merge.run();
			}
			else if (merge != null && i % 5_000 == 0) {
				assertAgreesWith(model, types, random);
				this.graph.finish(merge);
				merge = null;
				merges++;
				assertAgreesWith(model, types, random);
			}
			if (i % 50_000 == 0) {
				assertAgreesWith(model, types, random);
			}
		}
		assertThat(merges).as("merges swapped in").isGreaterThanOrEqualTo(3);
		assertAgreesWith(model, types, random);
		long edges = model.values().stream().mapToLong(List::size).sum();
		assertThat(this.graph.edgeCount()).isEqualTo(edges);
	}

	private void addBoth(Map<Integer, List<int[]>> model, int from, EdgeType type, int to) {
		List<int[]> out = model.computeIfAbsent(from, node -> new ArrayList<>());
		if (out.stream().noneMatch(edge -> edge[0] == type.ordinal() && edge[1] == to)) {
			out.add(new int[] { type.ordinal(), to });
		}
		this.graph.addEdge(from, type, to);
		if (from % 7 == 0) {
			// applied again, as a replayed event does
			this.graph.addEdge(from, type, to);
		}
	}

	private void assertAgreesWith(Map<Integer, List<int[]>> model, EdgeType[] types, Random random) {
		for (int check = 0; check < 200; check++) {
			int node = random.nextInt(this.graph.size());
			for (EdgeType type : types) {
				int[] expected = model.getOrDefault(node, List.of())
					.stream()
					.filter(edge -> edge[0] == type.ordinal())
					.mapToInt(edge -> edge[1])
					.toArray();
				assertThat(this.graph.targets(node, type)).as("targets of %d over %s", node, type)
					.containsExactly(expected);
				assertThat(this.graph.targetCount(node, type)).as("count of %d's targets over %s", node, type)
					.isEqualTo(expected.length);
			}
		}
		for (int check = 0; check < 5; check++) {
			int seed = random.nextInt(this.graph.size());
			Set<EdgeType> followed = EnumSet.of(types[check % types.length], types[(check + 1) % types.length]);
			// sorted, as the closures run to most of the graph (AssertJ's in-any-order is
			// quadratic); the model's have no duplicates, so neither may the index's
			assertThat(sorted(this.graph.reachAlong(new int[] { seed }, followed)))
				.isEqualTo(sorted(modelReach(model, seed, followed, true)));
			assertThat(sorted(this.graph.reachAgainst(new int[] { seed }, followed)))
				.isEqualTo(sorted(modelReach(model, seed, followed, false)));
		}
	}

	private static int[] sorted(int[] nodes) {
		int[] copy = nodes.clone();
		Arrays.sort(copy);
		return copy;
	}

	private static int[] modelReach(Map<Integer, List<int[]>> model, int seed, Set<EdgeType> followed, boolean along) {
		Map<Integer, List<Integer>> adjacency = new HashMap<>();
		model.forEach((from, edges) -> edges.forEach(edge -> {
			if (followed.contains(EdgeType.values()[edge[0]])) {
				int start = along ? from : edge[1];
				int end = along ? edge[1] : from;
				adjacency.computeIfAbsent(start, node -> new ArrayList<>()).add(end);
			}
		}));
		Set<Integer> seen = new HashSet<>(List.of(seed));
		List<Integer> queue = new ArrayList<>(List.of(seed));
		for (int head = 0; head < queue.size(); head++) {
			for (int next : adjacency.getOrDefault(queue.get(head), List.of())) {
				if (seen.add(next)) {
					queue.add(next);
				}
			}
		}
		return seen.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * The benchmark's shape (ids of 10 to 20 characters, about five edges per node) in
	 * about a third of what a map of strings and arrays per node took (~290 bytes per
	 * node), and the estimate the metrics publish close to what it keeps.
	 */
	@Test
	void aNodeWithItsEdgesTakesAboutAHundredBytes() {
		int nodes = 1_000_000;
		long kept = Retained.bytes(copy -> benchmarkShape(nodes), 1);
		DependencyGraph graph = benchmarkShape(nodes);
		assertThat(kept / nodes).as("bytes per node, measured").isLessThan(130);
		assertThat(graph.approximateBytes()).as("estimate, against %d bytes measured", kept)
			.isBetween(kept * 8 / 10, kept * 12 / 10);
	}

	private static DependencyGraph benchmarkShape(int nodes) {
		DependencyGraph graph = new DependencyGraph();
		Random random = new Random(1);
		int upstream = 1000;
		for (int i = 0; i < upstream; i++) {
			graph.add("feature-" + i, NodeKind.FEATURE);
		}
		for (int i = upstream; i < nodes; i++) {
			int node = graph.add("decision-" + i, NodeKind.DECISION);
			graph.setFacts(node, Instant.ofEpochSecond(i), ReviewState.PENDING, false, true);
			for (int e = 0; e < 5; e++) {
				graph.addEdge(node, EdgeType.USED, random.nextInt(upstream));
			}
		}
		graph.compact();
		return graph;
	}

}
