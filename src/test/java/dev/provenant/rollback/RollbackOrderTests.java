package dev.provenant.rollback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import dev.provenant.graph.ActionStatus;
import dev.provenant.impact.ActionPositions;
import dev.provenant.impact.AffectedAction;
import dev.provenant.impact.Dated;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackOrderTests {

	private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-01T10:00:00Z");

	@Test
	void triggeredGoesFirstThenLatestThenSmallestId() {
		List<AffectedAction> actions = List.of(action("a", 1, List.of()), action("b", 2, List.of("a")),
				action("c", 3, List.of("b")), action("f", 2, List.of()), action("e", 5, List.of()));
		assertThat(plan(actions)).extracting(AffectedAction::id).containsExactly("e", "c", "b", "f", "a");
	}

	@Test
	void anActionTriggeredByTwoWaitsForNeitherButBothWaitForIt() {
		List<AffectedAction> actions = List.of(action("a", 1, List.of()), action("b", 9, List.of()),
				action("c", 2, List.of("a", "b")));
		assertThat(plan(actions)).extracting(AffectedAction::id).containsExactly("c", "b", "a");
	}

	/**
	 * For random triggering graphs with random statuses: the plan holds exactly the
	 * executed actions, each one comes after every executed action downstream of it, and
	 * each step is the highest-priority action free at its turn.
	 */
	@Property(tries = 300)
	void everyPlanRespectsTheRules(@ForAll long seed) {
		Random random = new Random(seed);
		List<AffectedAction> actions = randomActions(random, i -> T0.plusMinutes(random.nextInt(6)).toInstant());
		List<AffectedAction> plan = plan(actions);

		assertThat(plan).extracting(AffectedAction::id)
			.containsExactlyInAnyOrderElementsOf(
					actions.stream().filter(a -> a.status() == ActionStatus.EXECUTED).map(AffectedAction::id).toList());
		Map<String, Set<String>> downstream = downstream(actions);
		Set<String> done = new HashSet<>();
		for (AffectedAction step : plan) {
			assertThat(done).as("everything downstream of %s is reverted before it", step.id())
				.containsAll(executed(downstream.get(step.id()), plan));
			for (AffectedAction other : plan) {
				boolean free = !done.contains(other.id())
						&& done.containsAll(executed(downstream.get(other.id()), plan));
				if (free) {
					assertThat(Dated.NEWEST_FIRST.compare(step, other)).as("%s goes before %s", step.id(), other.id())
						.isLessThanOrEqualTo(0);
				}
			}
			done.add(step.id());
		}
	}

	/**
	 * Kahn's algorithm and the list's own order agree wherever the list's order holds:
	 * here every action is triggered only by older ones, so it always holds.
	 */
	@Property(tries = 300)
	void whereTriggersAreOlderTheListIsThePlan(@ForAll long seed) {
		Random random = new Random(seed);
		List<AffectedAction> actions = randomActions(random, i -> T0.plusSeconds(i).toInstant());
		ActionPositions positions = ActionPositions.of(actions);
		assertThat(RollbackOrder.listOrderIfItHolds(positions)).isNotNull()
			.containsExactly(RollbackOrder.kahn(positions));
	}

	/** With times at random, whichever way the order is found it is Kahn's. */
	@Property(tries = 300)
	void theOrderIsAlwaysKahns(@ForAll long seed) {
		Random random = new Random(seed);
		List<AffectedAction> actions = randomActions(random, i -> T0.plusMinutes(random.nextInt(6)).toInstant());
		ActionPositions positions = ActionPositions.of(actions);
		assertThat(RollbackOrder.order(positions)).containsExactly(RollbackOrder.kahn(positions));
	}

	@Test
	void aTriggerNewerThanWhatItTriggeredIsOrderedByKahn() {
		// b was triggered by a, yet its clock says it happened first: b still goes first.
		List<AffectedAction> actions = List.of(action("a", 5, List.of()), action("b", 1, List.of("a")),
				action("c", 3, List.of()));
		assertThat(RollbackOrder.listOrderIfItHolds(ActionPositions.of(actions))).isNull();
		assertThat(plan(actions)).extracting(AffectedAction::id).containsExactly("c", "b", "a");
	}

	private static List<AffectedAction> randomActions(Random random, IntFunction<Instant> time) {
		int size = 1 + random.nextInt(25);
		List<AffectedAction> actions = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			List<String> triggeredBy = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				if (random.nextInt(5) == 0) {
					triggeredBy.add("n" + j);
				}
			}
			ActionStatus status = (random.nextInt(4) == 0) ? ActionStatus.ROLLED_BACK : ActionStatus.EXECUTED;
			actions.add(new AffectedAction("n" + i, time.apply(i), status, random.nextBoolean(), triggeredBy));
		}
		return actions;
	}

	private static List<AffectedAction> plan(List<AffectedAction> actions) {
		ActionPositions positions = ActionPositions.of(actions);
		return Arrays.stream(RollbackOrder.order(positions)).mapToObj(p -> positions.actions().get(p)).toList();
	}

	private static Set<String> executed(Set<String> ids, List<AffectedAction> plan) {
		Set<String> steps = new HashSet<>();
		plan.forEach(step -> steps.add(step.id()));
		Set<String> result = new HashSet<>(ids);
		result.retainAll(steps);
		return result;
	}

	/**
	 * For each action, every action triggered by it directly or not (over all statuses).
	 */
	private static Map<String, Set<String>> downstream(List<AffectedAction> actions) {
		Map<String, Set<String>> direct = new HashMap<>();
		actions.forEach(a -> direct.put(a.id(), new HashSet<>()));
		actions.forEach(a -> a.triggeredBy().forEach(parent -> direct.get(parent).add(a.id())));
		Map<String, Set<String>> all = new HashMap<>();
		for (AffectedAction action : actions) {
			Set<String> reached = new HashSet<>();
			List<String> stack = new ArrayList<>(direct.get(action.id()));
			while (!stack.isEmpty()) {
				String next = stack.remove(stack.size() - 1);
				if (reached.add(next)) {
					stack.addAll(direct.get(next));
				}
			}
			all.put(action.id(), reached);
		}
		return all;
	}

	private static AffectedAction action(String id, int minute, List<String> triggeredBy) {
		return new AffectedAction(id, T0.plusMinutes(minute).toInstant(), ActionStatus.EXECUTED, true, triggeredBy);
	}

}
