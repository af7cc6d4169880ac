package dev.provenant.consistency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyFilterTests {

	@Test
	void onlyTheMutationThatRunsGetsAToken() {
		assertThat(ConsistencyFilter.isMutation("mutation { ingest(batch: {}) { created } }", null)).isTrue();
		assertThat(ConsistencyFilter.isMutation("mutation Record { ingest(batch: {}) { created } }", "Record"))
			.isTrue();
		assertThat(ConsistencyFilter.isMutation("{ node(id: \"mutation\") { id } }", null)).isFalse();
		assertThat(ConsistencyFilter.isMutation("query mutation { node(id: \"x\") { id } }", null)).isFalse();
		String both = "query Read { node(id: \"x\") { id } } mutation Write { release(id: \"x\") { id } }";
		assertThat(ConsistencyFilter.isMutation(both, "Read")).isFalse();
		assertThat(ConsistencyFilter.isMutation(both, "Write")).isTrue();
		assertThat(ConsistencyFilter.isMutation("mutation {", null)).isFalse();
		assertThat(ConsistencyFilter.isMutation(null, null)).isFalse();
	}

}
