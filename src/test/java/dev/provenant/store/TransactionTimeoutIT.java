package dev.provenant.store;

import java.util.Map;

import dev.provenant.api.QueryTimedOut;
import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every read and write runs under {@code provenant.store.transaction-timeout} (5 s in the
 * tests): Neo4j stops a transaction that runs longer, a write is rolled back whole, and
 * the caller gets a QueryTimedOut rather than a hung request.
 */
class TransactionTimeoutIT extends GraphQlIT {

	/** Minutes of work: counting a lazily produced range of four billion numbers. */
	private static final String ENDLESS = "UNWIND range(1, 4000000000) AS x RETURN count(x) AS n";

	@Autowired
	GraphStore store;

	@Test
	void aReadRunningPastTheLimitIsStopped() {
		long started = System.nanoTime();
		assertThatExceptionOfType(QueryTimedOut.class)
			.isThrownBy(() -> this.store.read(tx -> tx.run(ENDLESS).single().get("n").asLong()))
			.withMessageContaining("provenant.store.transaction-timeout");
		assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(30);
	}

	@Test
	void aWriteRunningPastTheLimitIsStoppedAndRolledBack() {
		assertThatExceptionOfType(QueryTimedOut.class).isThrownBy(() -> this.store.write(tx -> {
			tx.run("CREATE (:TimeoutProbe {id: $id})", Map.of("id", id("probe"))).consume();
			return tx.run(ENDLESS).single().get("n").asLong();
		}));
		try (Session session = this.driver.session()) {
			assertThat(session.run("MATCH (p:TimeoutProbe {id: $id}) RETURN count(p) AS c", Map.of("id", id("probe")))
				.single()
				.get("c")
				.asLong()).isZero();
		}
	}

}
