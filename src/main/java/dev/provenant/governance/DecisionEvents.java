package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvent.Type;
import dev.provenant.graph.Decision;
import dev.provenant.graph.Reason;
import dev.provenant.graph.Utc;

/**
 * The governance events about one decision, with the facts a reviewer needs at once. Ids
 * name the fact ({@code escalation:<decision id>}) so that a repeat can be recognised.
 */
final class DecisionEvents {

	private DecisionEvents() {
	}

	static GovernanceEvent of(Type type, OffsetDateTime at, Decision decision) {
		return of(type, at, decision.id(), facts(decision));
	}

	/** What a reviewer needs to know of a stored decision. */
	static Map<String, Object> facts(Decision decision) {
		return decisionFacts(decision.name(), decision.outcome(), decision.occurredAt(), decision.escalationReasons(),
				decision.reviewDeadline(), decision.requiredRoles());
	}

	static GovernanceEvent of(Type type, OffsetDateTime at, String decisionId, Map<String, Object> detail) {
		return GovernanceEvent.of(type, decisionId, Utc.of(at), decisionId, detail);
	}

	static Map<String, Object> decisionFacts(String name, String outcome, OffsetDateTime occurredAt,
			List<Reason> reasons, OffsetDateTime reviewDeadline, List<String> requiredRoles) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("name", name);
		detail.put("outcome", outcome);
		detail.put("occurredAt", Utc.text(occurredAt));
		detail.put("reasons", reasons(reasons));
		detail.put("reviewDeadline", Utc.text(reviewDeadline));
		detail.put("requiredRoles", List.copyOf(requiredRoles));
		detail.values().removeIf(Objects::isNull);
		return detail;
	}

	private static List<Map<String, Object>> reasons(List<Reason> reasons) {
		List<Map<String, Object>> list = new ArrayList<>(reasons.size());
		for (Reason reason : reasons) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("code", reason.code().name());
			item.put("detail", reason.detail());
			if (reason.nodeId() != null) {
				item.put("nodeId", reason.nodeId());
			}
			list.add(item);
		}
		return list;
	}

}
