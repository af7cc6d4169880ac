package dev.provenant.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The check that every baseline answers as the floor does, before anything is timed, on a
 * small generated graph.
 */
class AgreementTests {

	private final SyntheticGraph graph = new SyntheticGraph(1500, 11);

	private final FloorEngine floor = new FloorEngine(this.graph);

	private final Roots roots = Roots.choose(this.graph, this.floor);

	@Test
	void baselinesThatAnswerAsTheFloorAgreeOnEveryQuestion() {
		int checks = new Agreement(this.floor, List.of(new Answering(this.floor, "copy")),
				Map.of("ids only", this.floor::blastRadius))
			.check(this.roots);

		// per closure root: ids, counts, rollback, and the ids-only baseline; lineage at
		// three depths per lineage root
		assertThat(checks).isEqualTo(this.roots.closureRoots().size() * 4 + this.roots.lineageRoots().size() * 3);
	}

	@Test
	void aBaselineThatCountsOneActionTooManyFailsTheRun() {
		Engine miscounting = new Answering(this.floor, "miscounting") {
			@Override
			public Counts blastRadiusCount(String id) {
				Counts right = super.blastRadiusCount(id);
				return new Counts(right.decisions(), right.actions() + 1);
			}
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> new Agreement(this.floor, List.of(miscounting), Map.of()).check(this.roots))
			.withMessageContaining("miscounting counts the blast radius of");
	}

	@Test
	void aClosureBaselineThatMissesAnActionFailsTheRun() {
		Function<String, Answers> missing = id -> {
			Answers right = this.floor.blastRadius(id);
			List<String> actions = new ArrayList<>(right.actions());
			if (!actions.isEmpty()) {
				actions.remove(actions.size() - 1);
			}
			return new Answers(right.decisions(), actions);
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> new Agreement(this.floor, List.of(), Map.of("naive", missing)).check(this.roots))
			.withMessageContaining("naive answers the blast radius actions of");
	}

	/** Another engine answering as the floor does, under its own name. */
	private static class Answering implements Engine {

		private final Engine floor;

		private final String name;

		Answering(Engine floor, String name) {
			this.floor = floor;
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public List<String> lineage(String id, int depth) {
			return this.floor.lineage(id, depth);
		}

		@Override
		public Answers blastRadius(String id) {
			return this.floor.blastRadius(id);
		}

		@Override
		public Counts blastRadiusCount(String id) {
			return this.floor.blastRadiusCount(id);
		}

		@Override
		public List<String> rollback(String id) {
			return this.floor.rollback(id);
		}

	}

}
