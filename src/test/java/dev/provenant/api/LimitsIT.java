package dev.provenant.api;

import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits against abuse, as configured for the tests: depth 15, complexity 20,000, bodies
 * up to 1,000,000 bytes, pages up to 1,000; and as by default: queries up to 100,000
 * characters, 50 aliases.
 */
class LimitsIT extends GraphQlIT {

	/**
	 * Twice: the second time the document comes from the kept parses, and is refused too.
	 */
	@Test
	void aQueryNestedDeeperThanTheLimitIsRefused() {
		String nested = "id";
		for (int i = 0; i < 8; i++) {
			nested = "decision { actions { " + nested + " } }";
		}
		for (int time = 0; time < 2; time++) {
			this.graphQl.document("query($id: ID!) { node(id: $id) { ... on Action { " + nested + " } } }")
				.variable("id", id("any"))
				.execute()
				.errors()
				.satisfy(errors -> {
					assertAll(errors, "BAD_REQUEST");
					assertThat(errors.get(0).getMessage()).containsIgnoringCase("depth");
				});
		}
	}

	@Test
	void aBodyTooDeepOrMalformedToReadGetsAClassifiedError() {
		String deep = "1";
		for (int i = 0; i < 600; i++) {
			deep = "{\"a\":" + deep + "}";
		}
		for (String body : java.util.List.of(
				"{\"query\":\"query($x: JSON) { __typename }\",\"variables\":{\"x\":" + deep + "}}",
				"{\"query\": \"{ __typename }")) {
			http(TestKeys.READER).post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("BAD_REQUEST")
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UNREADABLE_REQUEST");
		}
	}

	@Test
	void graphiqlsIntrospectionStillWorks() {
		this.graphQl.document(IntrospectionQuery.INTROSPECTION_QUERY)
			.execute()
			.path("__schema.queryType.name")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void largePagesNestedInLargePagesAreTooComplex() {
		String page = "edges { cursor node { id features { id derivedFrom { id } } actions { id triggered { id } } } }";
		this.graphQl
			.document("query($id: ID!) { blastRadius(id: $id) { decisions(first: 1000) { " + page
					+ " } actions(first: 1000) { edges { node { id decision { id } triggeredBy { id } } } } } }")
			.variable("id", id("any"))
			.execute()
			.errors()
			.satisfy(errors -> {
				assertAll(errors, "BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).containsIgnoringCase("complexity");
			});
	}

	@Test
	void aReasonableQueryStaysWithinTheLimits() {
		story().dataSource("crm")
			.decision("d", "2026-11-01T10:00:00Z")
			.with("dataSources", List.of("crm"))
			.ingest(this.graphQl);
		this.graphQl
			.document("query($id: ID!) { blastRadius(id: $id) { decisions(first: 1000) { edges { node { id } } } } }")
			.variable("id", id("crm"))
			.execute()
			.path("blastRadius.decisions.edges[0].node.id")
			.entity(String.class)
			.isEqualTo(id("d"));
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItIsReadAndNothingIsWritten() {
		StringBuilder records = new StringBuilder();
		for (int i = 0; records.length() < 1_100_000; i++) {
			records.append((i == 0) ? "" : ",")
				.append("{\"id\":\"")
				.append(id("big" + i))
				.append("\",\"name\":\"")
				.append("x".repeat(200))
				.append("\"}");
		}
		String body = "{\"query\":\"mutation($b: ProvenanceBatch!) { ingest(batch: $b) { created } }\","
				+ "\"variables\":{\"b\":{\"dataSources\":[" + records + "]}}}";
		http(TestKeys.WRITER).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody(Map.class)
			.value(response -> assertThat(response.toString()).contains("BAD_REQUEST", "max-request-bytes"));
		this.graphQl.documentName("node").variable("id", id("big0")).execute().path("node").valueIsNull();
	}

	@Test
	void aQueryTextOverTheLimitIsRefusedBeforeItIsParsedAndNothingIsWritten() {
		String padding = "# " + "x".repeat(100_000) + "\n";
		String writing = padding + "mutation { ingest(batch: {dataSources: [{id: \"" + id("long")
				+ "\"}]}) { created } }";
		// Unparseable: had it been parsed, the answer would be a syntax error.
		String broken = "{ " + "(".repeat(100_001);
		for (String document : List.of(writing, broken)) {
			this.graphQl.document(document).execute().errors().satisfy(errors -> {
				assertAll(errors, "BAD_REQUEST");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "QUERY_TOO_LONG");
				assertThat(errors.get(0).getMessage()).contains("max-query-chars");
			});
		}
		this.graphQl.documentName("node").variable("id", id("long")).execute().path("node").valueIsNull();
	}

	@Test
	void moreAliasesThanTheLimitAreRefusedBeforeAnythingRunsAndNothingIsWritten() {
		StringBuilder mutation = new StringBuilder(
				"mutation { first: ingest(batch: {dataSources: [{id: \"" + id("aliased") + "\"}]}) { created }");
		for (int i = 0; i < 50; i++) {
			mutation.append(" t").append(i).append(": __typename");
		}
		tooManyAliases(mutation.append(" }").toString());
		this.graphQl.documentName("node").variable("id", id("aliased")).execute().path("node").valueIsNull();
	}

	/** Ten aliases in a fragment spread six times are sixty. */
	@Test
	void aliasesInFragmentsCountOnceForEveryPlaceTheyAreSpread() {
		StringBuilder ten = new StringBuilder("fragment ten on Query {");
		for (int i = 0; i < 10; i++) {
			ten.append(" a").append(i).append(": __typename");
		}
		ten.append(" }");
		tooManyAliases("query { ...six } fragment six on Query { ...ten ...ten ...ten ...ten ...ten ...ten } " + ten);
		this.graphQl.document("query { ...five } fragment five on Query { ...ten ...ten ...ten ...ten ...ten } " + ten)
			.execute()
			.path("a9")
			.entity(String.class)
			.isEqualTo("Query");
	}

	private void tooManyAliases(String document) {
		this.graphQl.document(document).execute().errors().satisfy(errors -> {
			assertAll(errors, "BAD_REQUEST");
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "TOO_MANY_ALIASES");
			assertThat(errors.get(0).getMessage()).contains("max-aliases");
		});
	}

}
