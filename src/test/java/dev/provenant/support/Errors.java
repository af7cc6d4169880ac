package dev.provenant.support;

import java.util.List;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on GraphQL errors as a client sees them. */
public final class Errors {

	private Errors() {
	}

	public static String classification(ResponseError error) {
		Object classification = error.getExtensions().get("classification");
		return (classification != null) ? classification.toString() : String.valueOf(error.getErrorType());
	}

	/** Every error has the classification, and none leaks a stack trace or Cypher. */
	public static void assertAll(List<ResponseError> errors, String classification) {
		assertThat(errors).isNotEmpty();
		for (ResponseError error : errors) {
			assertThat(classification(error)).as(error.getMessage()).isEqualTo(classification);
			assertLeaksNothing(error);
		}
	}

	public static void assertLeaksNothing(ResponseError error) {
		assertThat(error.getMessage()).doesNotContain("Exception", "\tat ", "MATCH ", "UNWIND ", "neo4j.driver");
	}

}
