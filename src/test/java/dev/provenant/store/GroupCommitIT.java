package dev.provenant.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.provenant.support.GraphQlIT;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Group commit (ADR 11): writes waiting together commit in one transaction, each in the
 * audit chain in commit order; a write that fails leaves nothing and fails only itself.
 */
class GroupCommitIT extends GraphQlIT {

	@Autowired
	private GraphStore store;

	@Autowired
	private MeterRegistry meters;

	@Test
	void concurrentSmallWritesShareCommitsAndEachIsWholeInTheChain() throws Exception {
		DistributionSummary groups = this.meters.get("provenant.store.write.group.size").summary();
		long groupsBefore = groups.count();
		double writesBefore = groups.totalAmount();
		int writers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String n = Integer.toString(i);
				calls.add(() -> {
					start.await();
					return story().model("m" + n)
						.decision("d" + n, "2026-11-02T09:00:00Z")
						.with("modelVersion", "m" + n)
						.action("a" + n, "2026-11-02T09:01:00Z", "d" + n)
						.action("b" + n, "2026-11-02T09:02:00Z", "d" + n, "a" + n)
						.ingest(this.graphQl)
						.path("ingest.created")
						.entity(Integer.class)
						.get();
				});
			}
			List<Future<Integer>> answers = new ArrayList<>();
			calls.forEach(call -> answers.add(pool.submit(call)));
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(4);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long groupsCommitted = groups.count() - groupsBefore;
		double writesCommitted = groups.totalAmount() - writesBefore;
		assertThat(writesCommitted).isGreaterThanOrEqualTo(writers);
		assertThat((double) groupsCommitted).as("sixteen writers waiting together share commits")
			.isLessThan(writesCommitted);
		try (Session session = this.driver.session()) {
			for (int i = 0; i < writers; i++) {
				List<Long> events = session
					.run("MATCH (e:AuditEvent)-[:AUDITED]->(:Node {id: $id}) RETURN e.sequence AS s",
							Map.of("id", id("d" + i)))
					.list(row -> row.get("s").asLong());
				assertThat(events).as("one event for each write, holding all it wrote").hasSize(1);
				assertThat(session
					.run("MATCH (e:AuditEvent {sequence: $s}) RETURN e.ids AS ids", Map.of("s", events.get(0)))
					.single()
					.get("ids")
					.asList(value -> value.asString()))
					.containsExactlyInAnyOrder(ids("m" + i, "d" + i, "a" + i, "b" + i));
			}
		}
		this.graphQl.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void aFailingWriteInAGroupLeavesNothingAndFailsOnlyItself() throws Exception {
		double rerunBefore = this.meters.get("provenant.store.write.group.rerun").counter().count();
		CountDownLatch release = new CountDownLatch(1);
		List<String> announced = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger badRuns = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// Keeps the sequencer busy so that the next three wait together for one
			// group.
			Future<Object> blocker = holdTheSequencer(pool, release);
			Future<String> first = pool.submit(() -> this.store.write(tx -> created(tx, "g1", announced)));
			Future<String> bad = pool.submit(() -> this.store.write(tx -> {
				badRuns.incrementAndGet();
				tx.run("CREATE (:GroupCommitProbe {id: $id})", Map.of("id", id("bad"))).consume();
				throw new IllegalArgumentException("this write is refused after it wrote");
			}));
			Future<String> second = pool.submit(() -> this.store.write(tx -> created(tx, "g2", announced)));
			awaitWaiting(3);
			release.countDown();
			blocker.get(30, TimeUnit.SECONDS);
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(id("g1"));
			assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(id("g2"));
			assertThatIllegalArgumentException().isThrownBy(() -> {
				try {
					bad.get(30, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw ex.getCause();
				}
			}).withMessage("this write is refused after it wrote");
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(badRuns.get()).as("in the group, then alone").isEqualTo(2);
		assertThat(this.meters.get("provenant.store.write.group.rerun").counter().count()).isEqualTo(rerunBefore + 1);
		assertThat(announced).as("each committed write is announced once, never the failed group's attempt")
			.containsExactlyInAnyOrder(id("g1"), id("g2"));
		try (Session session = this.driver.session()) {
			assertThat(session
				.run("MATCH (p:GroupCommitProbe) WHERE p.id IN $ids RETURN p.id AS id",
						Map.of("ids", List.of(ids("g1", "g2", "bad"))))
				.list(row -> row.get("id").asString())).containsExactlyInAnyOrder(id("g1"), id("g2"));
		}
	}

	/**
	 * Batches waiting for the same group run together: one read of what is stored, one
	 * create and one audit append for all of them, each batch seeing what the ones before
	 * it created; one that fails its checks is refused alone, with nothing written and no
	 * rerun of the others, and each committed batch has its own event.
	 */
	@Test
	void ingestsWaitingTogetherShareTheirStatementsAndABadOneIsRefusedAlone() throws Exception {
		double rerunBefore = this.meters.get("provenant.store.write.group.rerun").counter().count();
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(5);
		Map<String, Double> before;
		List<Future<GraphQlTester.Response>> sent = new ArrayList<>();
		try {
			Future<Object> blocker = holdTheSequencer(pool, release);
			// In this order: a model; a decision using it, which only the group's first
			// batch has created; a batch naming a model no one has; another decision.
			List<java.util.function.Supplier<GraphQlTester.Response>> batches = List.of(
					() -> story().model("shared-m").ingest(this.graphQl),
					() -> send(Map.of("decisions", List.of(decision("shared-d1", "shared-m")))),
					() -> send(Map.of("decisions", List.of(decision("shared-bad", "no-such-model")))),
					() -> send(Map.of("decisions", List.of(decision("shared-d2", "shared-m")))));
			for (var batch : batches) {
				sent.add(pool.submit(batch::get));
				awaitWaiting(sent.size());
			}
			before = statements();
			release.countDown();
			blocker.get(30, TimeUnit.SECONDS);
			for (Future<GraphQlTester.Response> answer : sent) {
				answer.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		sent.get(0).get().path("ingest.created").entity(Integer.class).isEqualTo(1);
		sent.get(1).get().path("ingest.created").entity(Integer.class).isEqualTo(1);
		sent.get(2).get().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).contains(id("no-such-model"));
			assertThat(error.getExtensions()).containsEntry("code", "UNKNOWN_REFERENCE");
		}));
		sent.get(3).get().path("ingest.created").entity(Integer.class).isEqualTo(1);
		Map<String, Double> after = statements();
		for (String query : List.of("ingest/find_stored", "ingest/create_records", "audit/lock", "audit/append_events",
				"governance/assessment_inputs", "governance/record_assessments")) {
			assertThat(after.getOrDefault(query, 0.0) - before.getOrDefault(query, 0.0))
				.as("%s once for the four batches", query)
				.isEqualTo(1.0);
		}
		assertThat(this.meters.get("provenant.store.write.group.rerun").counter().count())
			.as("the bad batch was refused without rolling the others back")
			.isEqualTo(rerunBefore);
		try (Session session = this.driver.session()) {
			for (String local : List.of("shared-m", "shared-d1", "shared-d2")) {
				assertThat(session
					.run("MATCH (e:AuditEvent)-[:AUDITED]->(:Node {id: $id}) RETURN e.ids AS ids",
							Map.of("id", id(local)))
					.single()
					.get("ids")
					.asList(value -> value.asString())).as("each batch its own event").containsExactly(id(local));
			}
			assertThat(session.run("MATCH (n:Node {id: $id}) RETURN n", Map.of("id", id("shared-bad"))).list())
				.isEmpty();
		}
		this.graphQl.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private GraphQlTester.Response send(Map<String, Object> batch) {
		return this.graphQl.documentName("ingest").variable("batch", batch).execute();
	}

	private Map<String, Object> decision(String local, String model) {
		return Map.of("id", id(local), "occurredAt", "2026-11-02T10:00:00Z", "outcome", "approve", "confidence", 0.99,
				"route", "AUTONOMOUS", "modelVersion", id(model));
	}

	private Map<String, Double> statements() {
		Map<String, Double> statements = new java.util.HashMap<>();
		this.meters.find("provenant.cypher.statements")
			.counters()
			.forEach(counter -> statements.merge(counter.getId().getTag("query"), counter.count(), Double::sum));
		return statements;
	}

	/** The probes are outside the audit log: gone before any other test verifies it. */
	@org.junit.jupiter.api.AfterEach
	void removeProbes() {
		try (Session session = this.driver.session()) {
			session.run("MATCH (p:GroupCommitProbe) DELETE p").consume();
		}
	}

	private String created(org.neo4j.driver.TransactionContext tx, String local, List<String> announced) {
		tx.run("CREATE (:GroupCommitProbe {id: $id})", Map.of("id", id(local))).consume();
		this.store.afterCommit(() -> announced.add(id(local)));
		return id(local);
	}

	/**
	 * A write that keeps the sequencer busy until {@code release}, so that the writes
	 * sent meanwhile wait together for the next group; returns once it holds it.
	 */
	private Future<Object> holdTheSequencer(ExecutorService pool, CountDownLatch release) throws InterruptedException {
		CountDownLatch holding = new CountDownLatch(1);
		Future<Object> blocker = pool.submit(() -> this.store.write(tx -> {
			holding.countDown();
			awaitQuietly(release);
			return null;
		}));
		assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
		return blocker;
	}

	private void awaitWaiting(int writes) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (this.store.writesWaiting() < writes && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.store.writesWaiting()).isEqualTo(writes);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
