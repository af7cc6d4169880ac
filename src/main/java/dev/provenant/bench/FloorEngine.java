package dev.provenant.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;

/**
 * The absolute floor: breadth-first search over {@code int[]} CSR adjacency in this JVM,
 * with no database, no HTTP and no result objects beyond the ids.
 */
final class FloorEngine implements Engine {

	static final int ALL_EDGES = (1 << EdgeType.values().length) - 1;

	static final int TOWARDS_DECISIONS = mask(EdgeType.DERIVED_FROM, EdgeType.TRAINED_ON, EdgeType.USES_FEATURE,
			EdgeType.USED, EdgeType.READ, EdgeType.MADE_BY, EdgeType.PROMPTED_BY, EdgeType.GOVERNED_BY,
			EdgeType.APPROVED_BY);

	static final int TOWARDS_ACTIONS = mask(EdgeType.EXECUTES, EdgeType.TRIGGERED_BY);

	private final Csr csr;

	private final String[] ids;

	private final NodeKind[] kinds;

	private final long[] times;

	private final Map<String, Integer> numbers;

	FloorEngine(SyntheticGraph graph) {
		this.csr = graph.csr();
		this.ids = graph.ids();
		this.kinds = graph.kinds();
		this.times = graph.times();
		this.numbers = new HashMap<>(this.ids.length * 2);
		for (int i = 0; i < this.ids.length; i++) {
			this.numbers.put(this.ids[i], i);
		}
	}

	private static int mask(EdgeType... types) {
		int mask = 0;
		for (EdgeType type : types) {
			mask |= 1 << type.ordinal();
		}
		return mask;
	}

	@Override
	public String name() {
		return "floor";
	}

	long bytes() {
		return this.csr.bytes();
	}

	@Override
	public List<String> lineage(String id, int depth) {
		return ids(this.csr.reach(new int[] { this.numbers.get(id) }, ALL_EDGES, false, depth));
	}

	@Override
	public Answers blastRadius(String id) {
		int[] decisions = decisions(id);
		return new Answers(ids(decisions), ids(actions(decisions)));
	}

	@Override
	public Counts blastRadiusCount(String id) {
		int[] decisions = decisions(id);
		return new Counts(decisions.length, actions(decisions).length);
	}

	@Override
	public List<String> rollback(String id) {
		int[] actions = actions(decisions(id));
		int[] position = new int[this.ids.length];
		Arrays.fill(position, -1);
		for (int i = 0; i < actions.length; i++) {
			position[actions[i]] = i;
		}
		long[] actionTimes = new long[actions.length];
		String[] actionIds = new String[actions.length];
		int[][] triggeredBy = new int[actions.length][];
		byte triggered = (byte) EdgeType.TRIGGERED_BY.ordinal();
		for (int i = 0; i < actions.length; i++) {
			int node = actions[i];
			actionTimes[i] = this.times[node];
			actionIds[i] = this.ids[node];
			int[] triggers = new int[this.csr.outOffsets[node + 1] - this.csr.outOffsets[node]];
			int count = 0;
			for (int e = this.csr.outOffsets[node]; e < this.csr.outOffsets[node + 1]; e++) {
				if (this.csr.outTypes[e] == triggered && position[this.csr.outTargets[e]] >= 0) {
					triggers[count++] = position[this.csr.outTargets[e]];
				}
			}
			triggeredBy[i] = Arrays.copyOf(triggers, count);
		}
		int[] order = KahnOrder.order(actionTimes, actionIds, triggeredBy);
		List<String> plan = new ArrayList<>(order.length);
		for (int i : order) {
			plan.add(actionIds[i]);
		}
		return plan;
	}

	private int[] decisions(String id) {
		return only(this.csr.reach(new int[] { this.numbers.get(id) }, TOWARDS_DECISIONS, true, Integer.MAX_VALUE),
				NodeKind.DECISION);
	}

	private int[] actions(int[] decisions) {
		return only(this.csr.reach(decisions, TOWARDS_ACTIONS, true, Integer.MAX_VALUE), NodeKind.ACTION);
	}

	private int[] only(int[] nodes, NodeKind kind) {
		return Arrays.stream(nodes).filter(node -> this.kinds[node] == kind).toArray();
	}

	private List<String> ids(int[] nodes) {
		List<String> ids = new ArrayList<>(nodes.length);
		for (int node : nodes) {
			ids.add(this.ids[node]);
		}
		return ids;
	}

}
