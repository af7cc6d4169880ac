package dev.provenant.store;

import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements a write sends later ({@link GraphStore#runLater}) go with its next
 * statement: what they write is there for that statement and commits with the write; if
 * one fails, the write fails whole; none is lost when nothing follows; and a small ingest
 * sends its creation and its assessment that way. The test statements are under
 * {@code src/test/resources/cypher/queries/test}.
 */
class CarriedStatementsIT extends GraphQlIT {

	@Autowired
	private GraphStore store;

	@Autowired
	private MeterRegistry meters;

	@Test
	void whatACarriedStatementWritesIsThereForTheStatementCarryingItAndCommits() {
		long found = this.store.write(tx -> {
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("n1"))));
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("n2"))));
			return this.store.run(tx, "test/count_notices", Map.of("ids", List.of(id("n1"), id("n2"))))
				.single()
				.get("found")
				.asLong();
		});
		assertThat(found).isEqualTo(2);
		assertThat(committed(id("n1"), id("n2"))).isEqualTo(2);
	}

	@Test
	void statementsStillWaitingWhenTheWorkEndsAreSentBeforeItCommits() {
		double carriedBefore = carried();
		this.store.write(tx -> {
			for (int i = 0; i < CarriedStatements.MAX_WAITING + 2; i++) {
				this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("last" + i))));
			}
			return null;
		});
		for (int i = 0; i < CarriedStatements.MAX_WAITING + 2; i++) {
			assertThat(committed(id("last" + i))).as("notice %s", i).isEqualTo(1);
		}
		// Six statements in two round trips: four together, then the last two.
		assertThat(carried() - carriedBefore).isEqualTo(4.0);
	}

	@Test
	void aStatementWhoseTopLevelIsAUnionSeesWhatWaitedInBothParts() {
		List<String> rows = this.store.write(tx -> {
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("u1"))));
			return this.store.run(tx, "test/notices_twice", Map.of("ids", List.of(id("u1"))))
				.list(row -> row.get("id").asString());
		});
		assertThat(rows).containsExactly(id("u1"), id("u1"));
	}

	@Test
	void aCarriedStatementThatFailsFailsTheWriteAndNothingOfItCommits() {
		this.store.write(tx -> {
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("taken"))));
			return null;
		});
		assertThatThrownBy(() -> this.store.write(tx -> {
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("fresh"))));
			// The notice's id is unique: this one fails, with the statement carrying it.
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("taken"))));
			return this.store.run(tx, "test/count_notices", Map.of("ids", List.of(id("fresh")))).single();
		})).isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code())
				.isEqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"));
		assertThat(committed(id("fresh"))).as("the statement before the failing one rolled back too").isZero();
		assertThat(committed(id("taken"))).isEqualTo(1);
	}

	@Test
	void onlyAWriteOfTheStoreCanSendAStatementLater() {
		assertThatIllegalStateException().isThrownBy(() -> this.store.read(tx -> {
			this.store.runLater(tx, "test/create_notices", Map.of("ids", List.of(id("read"))));
			return null;
		})).withMessageContaining("only for work inside GraphStore.write");
		assertThat(committed(id("read"))).isZero();
	}

	@Test
	void aSmallIngestSendsItsCreationAndItsAssessmentWithTheStatementsAfterThem() {
		double before = carried();
		story().model("carried-m")
			.decision("carried-d", "2026-11-02T09:00:00Z")
			.with("modelVersion", "carried-m")
			.action("carried-a", "2026-11-02T09:01:00Z", "carried-d")
			.ingest(this.graphQl)
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(3);
		assertThat(carried() - before).as("ingest/create_records and governance/record_assessments")
			.isGreaterThanOrEqualTo(2.0);
		this.graphQl.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private double carried() {
		return this.meters.get("provenant.cypher.carried").counter().count();
	}

	private long committed(String... ids) {
		try (Session session = this.driver.session()) {
			return session
				.run("UNWIND $ids AS id MATCH (n:OverdueNotice {decisionId: id}) RETURN count(n) AS found",
						Map.of("ids", List.of(ids)))
				.single()
				.get("found")
				.asLong();
		}
	}

	/** The notices are under made-up decision ids: gone before any other test looks. */
	@AfterEach
	void removeNotices() {
		try (Session session = this.driver.session()) {
			session
				.run("MATCH (n:OverdueNotice) WHERE n.decisionId STARTS WITH $prefix DELETE n",
						Map.of("prefix", id("")))
				.consume();
		}
	}

}
