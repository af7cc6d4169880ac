package dev.provenant.consistency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyFilterTests {

	@Test
	void onlyTheMutationThatRunsGetsAToken() {
		assertThat(ConsistencyFilter.isMutationParsing("mutation { ingest(batch: {}) { created } }", null)).isTrue();
		assertThat(ConsistencyFilter.isMutationParsing("mutation Record { ingest(batch: {}) { created } }", "Record"))
			.isTrue();
		assertThat(ConsistencyFilter.isMutationParsing("{ node(id: \"mutation\") { id } }", null)).isFalse();
		assertThat(ConsistencyFilter.isMutationParsing("query mutation { node(id: \"x\") { id } }", null)).isFalse();
		String both = "query Read { node(id: \"x\") { id } } mutation Write { release(id: \"x\") { id } }";
		assertThat(ConsistencyFilter.isMutationParsing(both, "Read")).isFalse();
		assertThat(ConsistencyFilter.isMutationParsing(both, "Write")).isTrue();
		assertThat(ConsistencyFilter.isMutationParsing("mutation {", null)).isFalse();
		assertThat(ConsistencyFilter.isMutationParsing(null, null)).isFalse();
	}

}
