package dev.provenant.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists of ids and strings completed at once answer exactly what GraphQL Java's element
 * by element completion answers, errors included, and only those lists take the short
 * way.
 */
class IdListsAtOnceTests {

	private static final String SDL = """
			type Query {
			  ids: [ID!]!
			  strings: [String]
			  nullInNonNull: [ID!]
			  nullInNullable: [String]
			  numbersAsIds: [ID!]!
			  ints: [Int!]!
			  nested: [[ID!]!]!
			  items: [Item!]!
			  empty: [ID!]!
			}
			type Item { id: ID! tags: [String!]! }
			""";

	private static final Map<String, Object> ROOT = Map.of("ids", List.of("a", "b", "c"), "strings", List.of("x", "y"),
			"nullInNonNull", Arrays.asList("a", null), "nullInNullable", Arrays.asList("a", null), "numbersAsIds",
			List.of(1, 2), "ints", List.of(1, 2, 3), "nested", List.of(List.of("a"), List.of("b", "c")), "items",
			List.of(Map.of("id", "i1", "tags", List.of("t1", "t2")), Map.of("id", "i2", "tags", List.of())), "empty",
			List.of());

	private static final String QUERY = "{ ids strings nullInNonNull nullInNullable numbersAsIds ints nested "
			+ "items { id tags } empty }";

	@Test
	void answersWhatElementByElementCompletionAnswers() {
		ExecutionResult plain = run(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()));
		ExecutionResult atOnce = run(new IdListsAtOnce(new SimpleDataFetcherExceptionHandler()));
		assertThat(atOnce.toSpecification()).isEqualTo(plain.toSpecification());
		// The null in a list of non-null ids nulls the field, with its error, both ways.
		assertThat(atOnce.getErrors()).hasSize(1);
		assertThat(((Map<?, ?>) atOnce.getData()).get("nullInNonNull")).isNull();
		assertThat(((Map<?, ?>) atOnce.getData()).get("ids")).isEqualTo(List.of("a", "b", "c"));
	}

	@Test
	void onlyListsOfStringsUnderIdOrStringTakeTheShortWay() {
		Map<?, ?> data = run(new IdListsAtOnce(new SimpleDataFetcherExceptionHandler())).getData();
		// The short way answers the fetched list itself; element by element makes a new
		// one.
		assertThat(data.get("ids")).isSameAs(ROOT.get("ids"));
		assertThat(data.get("strings")).isSameAs(ROOT.get("strings"));
		assertThat(data.get("empty")).isSameAs(ROOT.get("empty"));
		assertThat((List<?>) data.get("nested")).element(1).isSameAs(((List<?>) ROOT.get("nested")).get(1));
		assertThat(((Map<?, ?>) ((List<?>) data.get("items")).get(0)).get("tags"))
			.isSameAs(((Map<?, ?>) ((List<?>) ROOT.get("items")).get(0)).get("tags"));
		assertThat(data.get("nullInNullable")).isNotSameAs(ROOT.get("nullInNullable"));
		assertThat(data.get("numbersAsIds")).isNotSameAs(ROOT.get("numbersAsIds"));
		assertThat(data.get("ints")).isNotSameAs(ROOT.get("ints"));
		assertThat(data.get("nested")).isNotSameAs(ROOT.get("nested"));
		Map<?, ?> plain = run(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler())).getData();
		assertThat(plain.get("ids")).isNotSameAs(ROOT.get("ids"));
	}

	private static ExecutionResult run(AsyncExecutionStrategy strategy) {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring().build());
		return GraphQL.newGraphQL(schema)
			.queryExecutionStrategy(strategy)
			.build()
			.execute(graphql.ExecutionInput.newExecutionInput(QUERY).root(ROOT).build());
	}

}
