package dev.provenant.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the cycles a batch would create among records of one kind (DERIVED_FROM among
 * features, TRIGGERED_BY among actions). Only the batch's new records need checking:
 * stored records are immutable and no stored node points to a new one, so every cycle
 * through a new node runs through new nodes only.
 *
 * <p>
 * Tarjan's strongly connected components, iterative so that a long chain in a large batch
 * cannot overflow the stack. Each component with more than one member, or a member that
 * points to itself, is a cycle.
 */
final class CycleCheck {

	private CycleCheck() {
	}

	/**
	 * @param edges for each node, the nodes it points to (targets outside the map are
	 * ignored)
	 * @return the cycles, each as its members in a stable order
	 */
	static List<List<String>> cycles(Map<String, List<String>> edges) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		Map<String, Boolean> onStack = new HashMap<>();
		List<List<String>> cycles = new ArrayList<>();
		int[] counter = { 0 };
		for (String start : edges.keySet()) {
			if (index.containsKey(start)) {
				continue;
			}
			Deque<Frame> work = new ArrayDeque<>();
			work.push(new Frame(start));
			visit(start, index, low, stack, onStack, counter);
			while (!work.isEmpty()) {
				Frame frame = work.peek();
				List<String> targets = edges.getOrDefault(frame.node, List.of());
				if (frame.next < targets.size()) {
					String target = targets.get(frame.next++);
					if (!edges.containsKey(target)) {
						continue;
					}
					if (!index.containsKey(target)) {
						visit(target, index, low, stack, onStack, counter);
						work.push(new Frame(target));
					}
					else if (onStack.getOrDefault(target, false)) {
						low.put(frame.node, Math.min(low.get(frame.node), index.get(target)));
					}
					continue;
				}
				work.pop();
				if (!work.isEmpty()) {
					String parent = work.peek().node;
					low.put(parent, Math.min(low.get(parent), low.get(frame.node)));
				}
				if (low.get(frame.node).equals(index.get(frame.node))) {
					List<String> component = new ArrayList<>();
					String member;
					do {
						member = stack.pop();
						onStack.put(member, false);
						component.add(member);
					}
					while (!member.equals(frame.node));
					boolean selfLoop = edges.getOrDefault(frame.node, List.of()).contains(frame.node);
					if (component.size() > 1 || selfLoop) {
						component.sort(null);
						cycles.add(List.copyOf(component));
					}
				}
			}
		}
		return cycles;
	}

	private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
			Map<String, Boolean> onStack, int[] counter) {
		index.put(node, counter[0]);
		low.put(node, counter[0]);
		counter[0]++;
		stack.push(node);
		onStack.put(node, true);
	}

	private static final class Frame {

		private final String node;

		private int next;

		Frame(String node) {
			this.node = node;
		}

	}

}
