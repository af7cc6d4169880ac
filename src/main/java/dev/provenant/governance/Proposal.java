package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.provenant.ingest.ProvenanceBatch.DecisionInput;

/** The parts of a decision that policy rules look at. */
record Proposal(String id, OffsetDateTime occurredAt, Double confidence, Double dataQuality, Double riskScore,
		String policyId, List<String> inputs) {

	static Proposal of(DecisionInput decision) {
		List<String> inputs = new ArrayList<>();
		addAll(inputs, decision.features());
		addAll(inputs, decision.dataSources());
		add(inputs, decision.modelVersion());
		add(inputs, decision.promptVersion());
		add(inputs, decision.policy());
		return new Proposal(decision.id(), decision.occurredAt(), decision.confidence(), decision.dataQuality(),
				decision.riskScore(), decision.policy(), List.copyOf(inputs));
	}

	private static void addAll(List<String> inputs, List<String> ids) {
		if (ids != null) {
			ids.forEach(id -> add(inputs, id));
		}
	}

	private static void add(List<String> inputs, String id) {
		if (id != null && !inputs.contains(id)) {
			inputs.add(id);
		}
	}

}
