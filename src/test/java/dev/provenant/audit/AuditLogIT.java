package dev.provenant.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

import dev.provenant.store.CypherQueries;
import dev.provenant.store.GraphStore;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every write appends an event in its own transaction, and the chain verifies. The story:
 * decision d used feature f (from data source crm) under policy pol; action a executed d;
 * then a was rolled back, crm quarantined and released, and pending decision p reviewed.
 */
class AuditLogIT extends GraphQlIT {

	private Story story;

	@Autowired
	private CypherQueries queries;

	@Autowired
	private GraphStore store;

	@Autowired
	private AuditLog audit;

	@BeforeEach
	void tellTheStory() {
		this.story = AuditStory.told(story());
		this.story.ingest(this.graphQl);
	}

	@Test
	void everyWriteAppendsOneEventThatNamesWhatItTouched() {
		mark("a");
		quarantine("crm");
		release("crm");
		approve("p", "ana");

		GraphQlTester.Response crm = trail("crm");
		crm.path("auditTrail.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("RELEASE", "QUARANTINE", "INGEST");
		crm.path("auditTrail.edges[0].node.actor").entity(String.class).isEqualTo("test-admin");
		crm.path("auditTrail.edges[2].node.ids")
			.entityList(String.class)
			.containsExactly(ids("crm", "f", "pol", "ana", "d", "p", "a"));
		trail("a").path("auditTrail.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("MARK_ROLLED_BACK", "INGEST");
		trail("a").path("auditTrail.edges[0].node.actor").entity(String.class).isEqualTo("test-admin");
		trail("p").path("auditTrail.edges[0].node.operation").entity(String.class).isEqualTo("REVIEW");
		trail("p").path("auditTrail.edges[0].node.actor").entity(String.class).isEqualTo("test-admin");
		trail("p").path("auditTrail.edges[0].node.payloadDigest")
			.entity(String.class)
			.satisfies(digest -> assertThat(digest).matches("[0-9a-f]{64}"));

		verify().path("verifyAuditLog")
			.entity(java.util.Map.class)
			.satisfies(verification -> assertThat(verification).containsEntry("ok", true));
	}

	/**
	 * The head is locked by the first statement a recorded write sends after locking it
	 * (the lock goes with that statement, GraphStore.runLater), and held until it
	 * commits: another writer, as another instance would be, cannot take it meanwhile.
	 */
	@Test
	void aRecordedWriteHoldsTheHeadFromItsFirstStatementUntilItCommits() throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Object> write = pool.submit(() -> this.store.write(tx -> {
				this.audit.lock(tx);
				this.store.run(tx, "ingest/find_stored", Map.of("ids", List.of(id("nothing")))).consume();
				locked.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return null;
			}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			try (Session session = this.driver.session()) {
				assertThatThrownBy(
						() -> session.executeWrite(
								tx -> tx.run("MATCH (h:AuditHead {name: 'head'}) SET h.locked = true REMOVE h.locked")
									.consume(),
								TransactionConfig.builder().withTimeout(Duration.ofMillis(500)).build()))
					.as("the head is locked by the write that is still open")
					.isInstanceOfSatisfying(Neo4jException.class,
							// Stopped at its timeout while it waited for the lock.
							ex -> assertThat(ex.code()).containsAnyOf("LockClientStopped", "TimedOut"));
			}
			release.countDown();
			write.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void writesThatChangeNothingLeaveNoEvent() {
		this.story.ingest(this.graphQl).path("ingest.unchanged").entity(Integer.class).isEqualTo(7);
		mark("a");
		mark("a");
		quarantine("crm");
		quarantine("crm");
		trail("a").path("auditTrail.totalCount").entity(Integer.class).isEqualTo(2);
		trail("crm").path("auditTrail.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void theLogIsNewestFirstGapFreeAndPaged() {
		mark("a");
		GraphQlTester.Response first = this.graphQl.documentName("auditLog").variable("first", 2).execute();
		List<Long> sequences = first.path("auditLog.edges[*].node.sequence").entityList(Long.class).get();
		assertThat(sequences).hasSize(2);
		assertThat(sequences.get(0)).isEqualTo(sequences.get(1) + 1);
		String cursor = first.path("auditLog.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("auditLog")
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.path("auditLog.edges[0].node.sequence")
			.entity(Long.class)
			.isEqualTo(sequences.get(1) - 1);
	}

	/**
	 * The event of a large batch records each node's own digest, as the node's facts read
	 * now give it. The whole-store check compares only the sum of all digests, which
	 * digests given to the wrong nodes would leave unchanged.
	 */
	@Test
	void aLargeBatchsFactsAreEachDigestedAsTheirOwn() {
		long before = head();
		Story large = story();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			large.dataSource("large" + i).with("name", "source " + i);
			ids.add(id("large" + i));
		}
		large.ingest(this.graphQl);

		assertThat(head()).isEqualTo(before + 1);
		try (Session session = this.driver.session()) {
			AuditEvent event = StoredEvents
				.read(session.run("MATCH (e:AuditEvent {sequence: $s}) RETURN e", Map.of("s", before + 1))
					.single()
					.get("e"))
				.orElseThrow();
			List<Record> rows = session.run(this.queries.get("audit/node_facts"), Map.of("ids", ids, "head", false))
				.list();
			assertThat(rows).hasSize(300);
			for (Record row : rows) {
				assertThat(event.records().after(row.get("key").asString())).as(row.get("key").asString())
					.isEqualTo(Facts.digest(row));
			}
		}
		verify().path("verifyAuditLog")
			.entity(java.util.Map.class)
			.satisfies(verification -> assertThat(verification).containsEntry("ok", true)
				.containsEntry("storeChecked", true));
	}

	@Test
	void concurrentWritersProduceOneGapFreeChain() throws Exception {
		long before = head();
		int writers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Callable<Object>> calls = new ArrayList<>();
			for (int i = 0; i < writers * 3; i++) {
				int n = i;
				calls.add(() -> story().dataSource("w" + n).feature("wf" + n, "w" + n).ingest(this.graphQl));
			}
			for (var result : pool.invokeAll(calls)) {
				result.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		long after = head();
		assertThat(after - before).isEqualTo(writers * 3L);
		GraphQlTester.Response range = this.graphQl.documentName("verifyAuditLog")
			.variable("fromSequence", before + 1)
			.variable("toSequence", after)
			.execute();
		range.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(true);
		range.path("verifyAuditLog.checked").entity(Integer.class).isEqualTo(writers * 3);
		verify().path("verifyAuditLog")
			.entity(java.util.Map.class)
			.satisfies(verification -> assertThat(verification).containsEntry("ok", true));
	}

	@Test
	void aRangeOutsideTheLogIsABadRequest() {
		this.graphQl.documentName("verifyAuditLog")
			.variable("fromSequence", 0)
			.execute()
			.errors()
			.satisfy(errors -> dev.provenant.support.Errors.assertAll(errors, "BAD_REQUEST"));
		this.graphQl.documentName("verifyAuditLog")
			.variable("toSequence", head() + 1)
			.execute()
			.errors()
			.satisfy(errors -> dev.provenant.support.Errors.assertAll(errors, "BAD_REQUEST"));
	}

	private long head() {
		try (var session = this.driver.session()) {
			return session.run("MATCH (h:AuditHead) RETURN h.sequence AS s").single().get("s").asLong();
		}
	}

	private GraphQlTester.Response trail(String local) {
		return this.graphQl.documentName("auditTrail").variable("id", id(local)).execute();
	}

	private GraphQlTester.Response verify() {
		return this.graphQl.documentName("verifyAuditLog").execute();
	}

	private void mark(String local) {
		markRolledBack(local, "ops", "test");
	}

}
