package dev.provenant.bench;

import java.util.PriorityQueue;

/**
 * The rollback order the service promises, computed independently for the raw Cypher and
 * floor engines: an action triggered by another comes first; among the free ones the
 * latest occurredAt, then the smallest id. Kahn's algorithm over positions.
 */
final class KahnOrder {

	private KahnOrder() {
	}

	/**
	 * @param times occurredAt per position, in epoch microseconds
	 * @param ids id per position
	 * @param triggeredBy per position, the positions of the actions that triggered it
	 * @return positions in plan order
	 */
	static int[] order(long[] times, String[] ids, int[][] triggeredBy) {
		int size = times.length;
		int[] pending = new int[size];
		for (int[] triggers : triggeredBy) {
			for (int trigger : triggers) {
				pending[trigger]++;
			}
		}
		PriorityQueue<Integer> free = new PriorityQueue<>((a, b) -> {
			int byTime = Long.compare(times[b], times[a]);
			return (byTime != 0) ? byTime : ids[a].compareTo(ids[b]);
		});
		for (int i = 0; i < size; i++) {
			if (pending[i] == 0) {
				free.add(i);
			}
		}
		int[] order = new int[size];
		int next = 0;
		while (!free.isEmpty()) {
			int action = free.poll();
			order[next++] = action;
			for (int trigger : triggeredBy[action]) {
				if (--pending[trigger] == 0) {
					free.add(trigger);
				}
			}
		}
		return order;
	}

}
