package dev.provenant.rollback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>
 * Works on positions in the newest-first list rather than on ids, so that a plan of
 * hundreds of thousands of actions costs arrays, not maps of strings: a smaller position
 * is a higher priority.
 */
final class RollbackOrder {

	private static final int[] NONE = new int[0];

	private RollbackOrder() {
	}

	/**
	 * @param actions a blast radius' actions: closed downstream, so every triggering path
	 * between two lies inside
	 */
	static List<AffectedAction> order(List<AffectedAction> actions) {
		List<AffectedAction> byPriority = new ArrayList<>(actions);
		byPriority.sort(Dated.NEWEST_FIRST);
		int size = byPriority.size();
		int[][] triggeredBy = triggers(byPriority);
		int[][] mustFollow = new int[size][];
		int[] mustFollowCount = new int[size];
		int[] pending = new int[size];
		for (int action = 0; action < size; action++) {
			if (!executed(byPriority, action)) {
				continue;
			}
			for (int ancestor : executedAncestors(action, triggeredBy, byPriority)) {
				mustFollow[action] = append(mustFollow[action], mustFollowCount[action]++, ancestor);
				pending[ancestor]++;
			}
		}
		PriorityQueue<Integer> free = new PriorityQueue<>();
		for (int action = 0; action < size; action++) {
			if (executed(byPriority, action) && pending[action] == 0) {
				free.add(action);
			}
		}
		List<AffectedAction> ordered = new ArrayList<>();
		while (!free.isEmpty()) {
			int next = free.poll();
			ordered.add(byPriority.get(next));
			for (int i = 0; i < mustFollowCount[next]; i++) {
				int ancestor = mustFollow[next][i];
				if (--pending[ancestor] == 0) {
					free.add(ancestor);
				}
			}
		}
		return ordered;
	}

	private static boolean executed(List<AffectedAction> actions, int position) {
		return actions.get(position).status() == ActionStatus.EXECUTED;
	}

	/** Each action's triggers as positions; triggers outside the list are left out. */
	private static int[][] triggers(List<AffectedAction> actions) {
		Map<String, Integer> positions = new HashMap<>(actions.size() * 2);
		for (int i = 0; i < actions.size(); i++) {
			positions.put(actions.get(i).id(), i);
		}
		int[][] triggers = new int[actions.size()][];
		for (int i = 0; i < actions.size(); i++) {
			List<String> ids = actions.get(i).triggeredBy();
			int[] found = new int[ids.size()];
			int count = 0;
			for (String id : ids) {
				Integer position = positions.get(id);
				if (position != null) {
					found[count++] = position;
				}
			}
			triggers[i] = (count == 0) ? NONE : Arrays.copyOf(found, count);
		}
		return triggers;
	}

	/**
	 * The nearest executed actions this one was triggered by, looking through rolled-back
	 * ones; each once.
	 */
	private static int[] executedAncestors(int action, int[][] triggeredBy, List<AffectedAction> actions) {
		int[] direct = triggeredBy[action];
		boolean simple = true;
		for (int trigger : direct) {
			simple &= executed(actions, trigger);
		}
		if (simple) {
			// The usual case: every trigger is itself a step.
			return Arrays.stream(direct).distinct().toArray();
		}
		List<Integer> found = new ArrayList<>();
		Set<Integer> seen = new HashSet<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int trigger : direct) {
			queue.add(trigger);
		}
		while (!queue.isEmpty()) {
			int ancestor = queue.poll();
			if (!seen.add(ancestor)) {
				continue;
			}
			if (executed(actions, ancestor)) {
				found.add(ancestor);
			}
			else {
				for (int next : triggeredBy[ancestor]) {
					queue.add(next);
				}
			}
		}
		return found.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int[] append(int[] array, int size, int value) {
		int[] grown = (array == null) ? new int[2] : (size == array.length) ? Arrays.copyOf(array, size * 2) : array;
		grown[size] = value;
		return grown;
	}

}
