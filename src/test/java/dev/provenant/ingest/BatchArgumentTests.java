package dev.provenant.ingest;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Route;
import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch bound by hand is the batch Spring's binder makes of the same argument. The
 * arguments are made from the records' own components, so a field added to a record and
 * not to {@link BatchArgument} fails here.
 */
class BatchArgumentTests {

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	@Test
	void everyFieldOfEveryKindIsBoundAsSpringsBinderBindsIt() throws Exception {
		Map<String, Object> batch = new LinkedHashMap<>();
		int seed = 0;
		for (RecordComponent list : ProvenanceBatch.class.getRecordComponents()) {
			Class<?> kind = elementClass(list.getGenericType());
			batch.put(list.getName(), List.of(argument(kind, seed++, true), argument(kind, seed++, false)));
		}
		ProvenanceBatch byHand = BatchArgument.of(batch);

		assertThat(byHand).isEqualTo(bound(batch));
		assertThat(byHand.size()).isEqualTo(2 * ProvenanceBatch.class.getRecordComponents().length);
		// Every field was set: nothing is left null by either.
		assertThat(byHand.decisions().get(0)).hasNoNullFieldsOrProperties();
		assertThat(byHand.decisions().get(0).route()).isEqualTo(Route.HUMAN_REVIEW);
	}

	@Test
	void absentFieldsAndListsStayAbsent() throws Exception {
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("decisions", List.of(Map.of("id", "d", "outcome", "approve", "route", "AUTONOMOUS", "occurredAt",
				OffsetDateTime.parse("2026-12-01T10:00:00Z"))));
		batch.put("actions", List.of());

		ProvenanceBatch byHand = BatchArgument.of(batch);

		assertThat(byHand).isEqualTo(bound(batch));
		assertThat(byHand.dataSources()).isNull();
		assertThat(byHand.actions()).isEmpty();
		assertThat(byHand.decisions().get(0).features()).isNull();
	}

	private ProvenanceBatch bound(Map<String, Object> batch) throws Exception {
		return (ProvenanceBatch) this.binder.bind(batch, false, ResolvableType.forClass(ProvenanceBatch.class));
	}

	/**
	 * An input of {@code kind} as GraphQL Java hands it over: text for IDs and strings,
	 * doubles for floats, the name of an enum, maps for JSON.
	 */
	private static Map<String, Object> argument(Class<?> kind, int seed, boolean flag) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (RecordComponent component : kind.getRecordComponents()) {
			String name = component.getName();
			Class<?> type = component.getType();
			Object value;
			if (type == String.class) {
				value = name + "-" + seed;
			}
			else if (type == Double.class) {
				value = seed / 100.0 + name.length() / 1000.0;
			}
			else if (type == Boolean.class) {
				value = flag;
			}
			else if (type == OffsetDateTime.class) {
				value = OffsetDateTime.parse("2026-12-01T10:00:00+02:00").plusSeconds(seed);
			}
			else if (type == Route.class) {
				value = Route.values()[1].name();
			}
			else if (type == List.class) {
				value = List.of(name + "-" + seed, name + "-" + (seed + 1));
			}
			else if (type == Object.class) {
				value = Map.of("field", name, "seed", seed, "nested", List.of(1, "two"));
			}
			else {
				throw new AssertionError(kind.getSimpleName() + "." + name + " has a type this test does not make: "
						+ type + "; teach it, and BatchArgument");
			}
			input.put(name, value);
		}
		return input;
	}

	private static Class<?> elementClass(Type list) {
		return (Class<?>) ((ParameterizedType) list).getActualTypeArguments()[0];
	}

}
