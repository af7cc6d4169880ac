package dev.provenant.dependency;

import java.time.Instant;
import java.util.EnumSet;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;
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

}
