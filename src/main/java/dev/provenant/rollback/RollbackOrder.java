package dev.provenant.rollback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

import dev.provenant.impact.ActionPositions;

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

	private RollbackOrder() {
	}

	/**
	 * The positions of the executed actions, in plan order.
	 * @param actions a blast radius' actions: closed downstream, so every triggering path
	 * between two lies inside
	 */
	static int[] order(ActionPositions actions) {
		int[] inListOrder = listOrderIfItHolds(actions);
		return (inListOrder != null) ? inListOrder : kahn(actions);
	}

	/**
	 * The usual case, checked in one pass: every action was triggered only by actions
	 * further down the newest-first list (older ones, as a trigger happens before what it
	 * triggers). Then every action's ancestors come after it in the list, so the first
	 * action not yet taken is always free and always the highest priority: the list
	 * itself, executed actions only, is what Kahn's algorithm would give. Null when a
	 * trigger is as new as or newer than what it triggered (clocks that disagree).
	 */
	static int[] listOrderIfItHolds(ActionPositions actions) {
		int size = actions.size();
		int[] executed = new int[size];
		int count = 0;
		for (int position = 0; position < size; position++) {
			for (int trigger : actions.triggeredBy(position)) {
				if (trigger <= position) {
					return null;
				}
			}
			if (actions.executed(position)) {
				executed[count++] = position;
			}
		}
		return Arrays.copyOf(executed, count);
	}

	static int[] kahn(ActionPositions actions) {
		int size = actions.size();
		int[][] triggeredBy = new int[size][];
		for (int position = 0; position < size; position++) {
			triggeredBy[position] = actions.triggeredBy(position);
		}
		int[][] mustFollow = new int[size][];
		int[] mustFollowCount = new int[size];
		int[] pending = new int[size];
		for (int action = 0; action < size; action++) {
			if (!actions.executed(action)) {
				continue;
			}
			for (int ancestor : executedAncestors(action, triggeredBy, actions)) {
				mustFollow[action] = append(mustFollow[action], mustFollowCount[action]++, ancestor);
				pending[ancestor]++;
			}
		}
		PriorityQueue<Integer> free = new PriorityQueue<>();
		for (int action = 0; action < size; action++) {
			if (actions.executed(action) && pending[action] == 0) {
				free.add(action);
			}
		}
		int[] ordered = new int[size];
		int count = 0;
		while (!free.isEmpty()) {
			int next = free.poll();
			ordered[count++] = next;
			for (int i = 0; i < mustFollowCount[next]; i++) {
				int ancestor = mustFollow[next][i];
				if (--pending[ancestor] == 0) {
					free.add(ancestor);
				}
			}
		}
		return Arrays.copyOf(ordered, count);
	}

	/**
	 * The nearest executed actions this one was triggered by, looking through rolled-back
	 * ones; each once.
	 */
	private static int[] executedAncestors(int action, int[][] triggeredBy, ActionPositions actions) {
		int[] direct = triggeredBy[action];
		boolean simple = true;
		for (int trigger : direct) {
			simple &= actions.executed(trigger);
		}
		if (simple) {
			// Every trigger is itself a step.
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
			if (actions.executed(ancestor)) {
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
