package dev.provenant.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.provenant.graph.NodeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticGraphTests {

	private final SyntheticGraph graph = new SyntheticGraph(4000, 7);

	@Test
	void theSameSeedGivesTheSameGraph() {
		SyntheticGraph again = new SyntheticGraph(4000, 7);
		assertThat(again.batch(0, 1000)).isEqualTo(this.graph.batch(0, 1000));
		assertThat(again.upstreamBatch()).isEqualTo(this.graph.upstreamBatch());
		assertThat(new SyntheticGraph(4000, 8).batch(0, 1000)).isNotEqualTo(this.graph.batch(0, 1000));
	}

	@Test
	void actionsAreAboutOneAndAHalfPerDecisionAndCascadesStayWithinElevenActions() {
		assertThat(this.graph.actionCount()).isBetween(5700, 6300);
		assertThat(this.graph.maxTriggerDepth() + 1).isBetween(2, SyntheticGraph.MAX_TRIGGER_DEPTH + 1);
		assertThat(this.graph.nodeCount())
			.isEqualTo(this.graph.upstreamCount() + this.graph.decisionCount() + this.graph.actionCount());
	}

	/**
	 * Each segment, cut into batches and ingested in order, never names a record that
	 * comes later, or one of another segment ingested side by side with it.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void batchesHoldEveryRecordOnceAndNameOnlyWhatCameBefore() {
		Set<String> seen = new HashSet<>();
		int records = 0;
		for (int segment = 0; segment < 3; segment++) {
			Set<String> segmentSeen = new HashSet<>(segment == 2 ? Set.of() : seen);
			if (segment == 2) {
				// segment 2 runs beside segment 1: it may name only segment 0's records
				segmentSeen.addAll(segmentZero());
			}
			for (int from = this.graph.segmentPosition(segment); from < this.graph
				.segmentPosition(segment + 1); from += 1000) {
				Map<String, Object> batch = this.graph.batch(from,
						Math.min(from + 1000, this.graph.segmentPosition(segment + 1)));
				for (Map<String, Object> decision : (List<Map<String, Object>>) batch.get("decisions")) {
					assertThat(segmentSeen.add((String) decision.get("id"))).isTrue();
					records++;
				}
				for (Map<String, Object> action : (List<Map<String, Object>>) batch.get("actions")) {
					assertThat(segmentSeen).contains((String) action.get("decision"));
					assertThat(segmentSeen).containsAll((List<String>) action.getOrDefault("triggeredBy", List.of()));
					assertThat(segmentSeen.add((String) action.get("id"))).isTrue();
					records++;
				}
			}
			seen.addAll(segmentSeen);
		}
		assertThat(records).isEqualTo(this.graph.recordCount());
	}

	@SuppressWarnings("unchecked")
	private Set<String> segmentZero() {
		Set<String> ids = new HashSet<>();
		Map<String, Object> batch = this.graph.batch(0, this.graph.segmentPosition(1));
		((List<Map<String, Object>>) batch.get("decisions")).forEach(d -> ids.add((String) d.get("id")));
		((List<Map<String, Object>>) batch.get("actions")).forEach(a -> ids.add((String) a.get("id")));
		return ids;
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFloorsAdjacencyHoldsTheEdgesTheBatchesDeclare() {
		Csr csr = this.graph.csr();
		String[] ids = this.graph.ids();
		Map<String, Integer> numbers = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			numbers.put(ids[i], i);
		}
		Map<String, Object> decision = ((List<Map<String, Object>>) this.graph.batch(0, 1).get("decisions")).get(0);
		int node = numbers.get((String) decision.get("id"));
		List<String> targets = new ArrayList<>();
		for (int e = csr.outOffsets[node]; e < csr.outOffsets[node + 1]; e++) {
			targets.add(ids[csr.outTargets[e]]);
		}
		List<String> declared = new ArrayList<>((List<String>) decision.get("features"));
		declared.add((String) decision.get("modelVersion"));
		declared.add((String) decision.get("policy"));
		assertThat(targets).containsAll(declared);
		assertThat(this.graph.kinds()[node]).isEqualTo(NodeKind.DECISION);
	}

}
