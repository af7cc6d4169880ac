package dev.provenant.impact;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class NodePositionsTests {

	/**
	 * Dense and sparse node numbers alike: every node finds its position, and a number
	 * not in the list finds none.
	 */
	@Property(tries = 200)
	void everyNodeFindsItsPositionAndNoOtherIsFound(@ForAll long seed, @ForAll @IntRange(max = 3000) int size) {
		Random random = new Random(seed);
		int spread = random.nextBoolean() ? size * 2 + 1 : Integer.MAX_VALUE;
		Map<Integer, Integer> expected = new HashMap<>();
		int[] nodes = new int[size];
		for (int i = 0; i < size; i++) {
			int node;
			do {
				node = random.nextInt(spread);
			}
			while (expected.containsKey(node));
			expected.put(node, i);
			nodes[i] = node;
		}
		NodePositions positions = new NodePositions(nodes);
		expected.forEach((node, position) -> assertThat(positions.of(node)).isEqualTo(position));
		for (int i = 0; i < 1000; i++) {
			int other = random.nextInt(spread);
			assertThat(positions.of(other)).isEqualTo(expected.getOrDefault(other, -1));
		}
	}

}
