package dev.provenant.api;

import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that does not fit the schema is answered with what a person needs to fix it: the
 * place of the offending field in the argument or variable, the field the type has that
 * was probably meant, the values an enum allows, and none of the parser's internal
 * structures. Nothing is written.
 */
class InputErrorsIT extends GraphQlIT {

	private static final String INGEST = "mutation($b: ProvenanceBatch!) { ingest(batch: $b) { created } }";

	@Test
	void aMisspeltFieldInlineIsPlacedAndTheNearestFieldSuggested() {
		String message = error("mutation { ingest(batch: {dataSources: [{id: \"" + id("a") + "\"}, {id: \"" + id("b")
				+ "\", nmae: \"B\"}]}) { created } }", Map.of());
		assertThat(message).contains("dataSources[1]")
			.contains("has no field 'nmae'; did you mean 'name'?")
			.doesNotContain("ObjectValue")
			.doesNotContain("ObjectField");
		assertThat(exists(id("a"))).isFalse();
	}

	@Test
	void aMisspeltFieldInAVariableIsPlacedAndTheNearestFieldSuggested() {
		String message = error(INGEST,
				Map.of("b", Map.of("dataSources", List.of(Map.of("id", id("c")), Map.of("id", id("d"), "nmae", "D")))));
		assertThat(message).contains("Variable 'b' at b.dataSources[1] has no field 'nmae'; did you mean 'name'?")
			.contains("DataSourceInput's fields: id, name");
		assertThat(exists(id("c"))).isFalse();
	}

	@Test
	void aWrongEnumValueListsTheAllowedOnes() {
		String inline = error("mutation { ingest(batch: {decisions: [{id: \"" + id("e")
				+ "\", occurredAt: \"2026-01-01T00:00:00Z\", outcome: \"approve\", route: AUTO}]}) { created } }",
				Map.of());
		assertThat(inline).contains("AUTO is not a Route; the allowed values are AUTONOMOUS, HUMAN_REVIEW")
			.doesNotContain("EnumValue");
		String variable = error(INGEST, Map.of("b", Map.of("decisions", List
			.of(Map.of("id", id("f"), "occurredAt", "2026-01-01T00:00:00Z", "outcome", "approve", "route", "AUTO")))));
		assertThat(variable).contains("'AUTO' is not a Route; the allowed values are AUTONOMOUS, HUMAN_REVIEW");
	}

	@Test
	void aMissingRequiredFieldIsNamedWithoutTheParsersStructures() {
		String message = error(
				"mutation { ingest(batch: {dataSources: [{id: \"ds:1\"}, {name: \"no id\"}]}) " + "{ created } }",
				Map.of());
		assertThat(message).isEqualTo("Argument 'batch' at batch.dataSources[1] lacks the required field id");
		message = error("mutation { ingest(batch: {decisions: [{id: \"d\", outcome: \"x\"}]}) { created } }", Map.of());
		assertThat(message).startsWith("Argument 'batch' at batch.decisions[0] lacks the required field")
			.contains("occurredAt")
			.doesNotContain("ObjectValue")
			.doesNotContain("ObjectField");
	}

	private String error(String document, Map<String, Object> variables) {
		List<ResponseError> errors = new java.util.ArrayList<>();
		this.graphQl.document(document).variables(variables).execute().errors().satisfy(errors::addAll);
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST");
		return errors.get(0).getMessage();
	}

	private boolean exists(String id) {
		try (var session = this.driver.session()) {
			return session.run("MATCH (n:Node {id: $id}) RETURN count(n) > 0 AS found", Map.of("id", id))
				.single()
				.get("found")
				.asBoolean();
		}
	}

}
