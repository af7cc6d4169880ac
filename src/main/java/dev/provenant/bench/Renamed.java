package dev.provenant.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated batch again under new ids, for writing during the mixed load without
 * touching the graph being read: references that leave the batch are dropped, and so are
 * actions whose decision is outside it.
 */
final class Renamed {

	private Renamed() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> batch(Map<String, Object> batch, String prefix) {
		List<Map<String, Object>> decisions = new ArrayList<>();
		Set<String> inside = new HashSet<>();
		for (Map<String, Object> decision : (List<Map<String, Object>>) batch.get("decisions")) {
			Map<String, Object> copy = new LinkedHashMap<>(decision);
			copy.put("id", prefix + decision.get("id"));
			inside.add((String) decision.get("id"));
			decisions.add(copy);
		}
		List<Map<String, Object>> actions = new ArrayList<>();
		for (Map<String, Object> action : (List<Map<String, Object>>) batch.get("actions")) {
			if (!inside.contains((String) action.get("decision"))) {
				continue;
			}
			Map<String, Object> copy = new LinkedHashMap<>(action);
			copy.put("id", prefix + action.get("id"));
			copy.put("decision", prefix + action.get("decision"));
			List<String> triggers = new ArrayList<>();
			for (String trigger : (List<String>) action.getOrDefault("triggeredBy", List.of())) {
				if (inside.contains(trigger)) {
					triggers.add(prefix + trigger);
				}
			}
			copy.put("triggeredBy", triggers);
			inside.add((String) action.get("id"));
			actions.add(copy);
		}
		Map<String, Object> renamed = new LinkedHashMap<>();
		renamed.put("decisions", decisions);
		renamed.put("actions", actions);
		return renamed;
	}

}
