package dev.provenant.impact;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import dev.provenant.dependency.NodeIds;

/**
 * The ids of a blast radius' list, in its order, as a view: a page of ids read from a
 * compact list reads only the ids, not its records with their times and triggers.
 */
final class OrderedIds {

	private OrderedIds() {
	}

	static List<String> of(List<? extends Dated> items) {
		if (items instanceof CompactDecisions decisions) {
			return decisions.ids();
		}
		if (items instanceof CompactActions actions) {
			return actions.ids();
		}
		return new Listed(items);
	}

	/** Node numbers of the dependency index, read as ids in their list's order. */
	static final class OfNodes extends AbstractList<String> implements RandomAccess {

		private final NodeIds ids;

		private final int[] nodes;

		private final NewestFirst order;

		OfNodes(NodeIds ids, int[] nodes, NewestFirst order) {
			this.ids = ids;
			this.nodes = nodes;
			this.order = order;
		}

		@Override
		public String get(int index) {
			return this.ids.id(this.nodes[this.order.position(index)]);
		}

		@Override
		public int size() {
			return this.nodes.length;
		}

		@Override
		public List<String> subList(int fromIndex, int toIndex) {
			this.order.orderFirst(toIndex);
			return super.subList(fromIndex, toIndex);
		}

	}

	private static final class Listed extends AbstractList<String> implements RandomAccess {

		private final List<? extends Dated> items;

		Listed(List<? extends Dated> items) {
			this.items = items;
		}

		@Override
		public String get(int index) {
			return this.items.get(index).id();
		}

		@Override
		public int size() {
			return this.items.size();
		}

	}

}
