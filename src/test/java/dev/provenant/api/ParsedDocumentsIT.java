package dev.provenant.api;

import dev.provenant.support.GraphQlIT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation sent again is answered from its kept parse, and is still answered for its
 * own variables, refused for the same reason, and held to the limits each time.
 */
class ParsedDocumentsIT extends GraphQlIT {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aRepeatedOperationIsParsedOnceAndAnsweredForItsOwnVariables() {
		story().dataSource("s1").dataSource("s2").ingest(this.graphQl);
		String query = "query kept($id: ID!) { node(id: $id) { id kind } }";
		double hits = hits();
		for (String local : new String[] { "s1", "s2" }) {
			this.graphQl.document(query)
				.variable("id", id(local))
				.execute()
				.path("node.id")
				.entity(String.class)
				.isEqualTo(id(local));
		}
		assertThat(hits()).isEqualTo(hits + 1);
	}

	@Test
	void anInvalidOperationIsRefusedEveryTimeAndNeverKept() {
		double puts = puts();
		for (String query : new String[] { "query { node(id: \"x\") { noSuchField } }", "query { node(id: " }) {
			for (int i = 0; i < 2; i++) {
				this.graphQl.document(query).execute().errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
			}
		}
		assertThat(puts()).isEqualTo(puts);
	}

	private double puts() {
		return this.meters.get("cache.puts").tag("cache", "graphql.documents").functionCounter().count();
	}

	private double hits() {
		return this.meters.get("cache.gets")
			.tag("cache", "graphql.documents")
			.tag("result", "hit")
			.functionCounter()
			.count();
	}

}
