package dev.provenant.rollback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import dev.provenant.graph.ActionStatus;
import dev.provenant.impact.AffectedAction;
import dev.provenant.impact.Dated;

/**
 * Orders the executed actions of a blast radius for reverting: whenever B was triggered,
 * directly or through other actions, by A, B comes before A; among the steps free to go
 * next, the latest occurredAt goes first, then the smallest id. Kahn's algorithm with a
 * priority queue.
 *
 * <p>
 * Actions already rolled back are not steps, but they still link what they connect: if B
 * was triggered by a rolled-back R that A triggered, B must still be reverted before A.
 */
final class RollbackOrder {

	private RollbackOrder() {
	}

	/**
	 * @param actions a blast radius' actions: closed downstream, so every triggering path
	 * between two lies inside
	 */
	static List<AffectedAction> order(List<AffectedAction> actions) {
		Map<String, AffectedAction> byId = new HashMap<>();
		actions.forEach(a -> byId.put(a.id(), a));
		Map<String, List<String>> mustFollow = new HashMap<>();
		Map<String, Integer> pending = new HashMap<>();
		for (AffectedAction action : actions) {
			if (action.status() != ActionStatus.EXECUTED) {
				continue;
			}
			pending.putIfAbsent(action.id(), 0);
			for (String ancestor : executedAncestors(action, byId)) {
				mustFollow.computeIfAbsent(action.id(), key -> new ArrayList<>()).add(ancestor);
				pending.merge(ancestor, 1, Integer::sum);
			}
		}
		PriorityQueue<AffectedAction> free = new PriorityQueue<>(Dated.NEWEST_FIRST);
		pending.forEach((id, count) -> {
			if (count == 0) {
				free.add(byId.get(id));
			}
		});
		List<AffectedAction> ordered = new ArrayList<>(pending.size());
		while (!free.isEmpty()) {
			AffectedAction next = free.poll();
			ordered.add(next);
			for (String ancestor : mustFollow.getOrDefault(next.id(), List.of())) {
				if (pending.merge(ancestor, -1, Integer::sum) == 0) {
					free.add(byId.get(ancestor));
				}
			}
		}
		return ordered;
	}

	/**
	 * The nearest executed actions this one was triggered by, looking through rolled-back
	 * ones.
	 */
	private static Set<String> executedAncestors(AffectedAction action, Map<String, AffectedAction> byId) {
		Set<String> found = new HashSet<>();
		Set<String> seen = new HashSet<>();
		Deque<String> queue = new ArrayDeque<>(action.triggeredBy());
		while (!queue.isEmpty()) {
			AffectedAction ancestor = byId.get(queue.poll());
			if (ancestor == null || !seen.add(ancestor.id())) {
				continue;
			}
			if (ancestor.status() == ActionStatus.EXECUTED) {
				found.add(ancestor.id());
			}
			else {
				queue.addAll(ancestor.triggeredBy());
			}
		}
		return found;
	}

}
