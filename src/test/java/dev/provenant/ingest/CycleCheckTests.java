package dev.provenant.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CycleCheckTests {

	@Test
	void aChainHasNoCycle() {
		assertThat(CycleCheck.cycles(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of()))).isEmpty();
	}

	@Test
	void aDiamondHasNoCycle() {
		assertThat(
				CycleCheck.cycles(Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"), "d", List.of())))
			.isEmpty();
	}

	@Test
	void findsEachCycleWithOnlyItsMembers() {
		Map<String, List<String>> edges = new LinkedHashMap<>();
		edges.put("a", List.of("b"));
		edges.put("b", List.of("a"));
		edges.put("c", List.of("a", "d"));
		edges.put("d", List.of("e"));
		edges.put("e", List.of("d"));
		edges.put("f", List.of());
		assertThat(CycleCheck.cycles(edges)).containsExactlyInAnyOrder(List.of("a", "b"), List.of("d", "e"));
	}

	@Test
	void aSelfReferenceIsACycle() {
		assertThat(CycleCheck.cycles(Map.of("a", List.of("a")))).containsExactly(List.of("a"));
	}

	@Test
	void targetsOutsideTheBatchAreIgnored() {
		assertThat(CycleCheck.cycles(Map.of("a", List.of("stored")))).isEmpty();
	}

	@Test
	void aLongChainDoesNotOverflowTheStack() {
		Map<String, List<String>> edges = new LinkedHashMap<>();
		int length = 200_000;
		for (int i = 0; i < length; i++) {
			edges.put("n" + i, List.of("n" + ((i + 1) % length)));
		}
		assertThat(CycleCheck.cycles(edges)).singleElement().satisfies(cycle -> assertThat(cycle).hasSize(length));
	}

}
