package dev.provenant.dependency;

import java.util.List;
import java.util.Map;

import dev.provenant.ProvenantApplication;
import dev.provenant.graph.Utc;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Neo4jUnderTest;
import dev.provenant.support.Story;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The present is answered from the in-memory dependency index, the past by Cypher
 * traversals: asked "as of the end of time", Cypher answers about the present too, so
 * both must agree on every root. The story has every edge kind, a time window's worth of
 * decisions, a cascade of actions, a review (which adds an edge after ingest) and a
 * rollback (which changes a state).
 */
class DependencyIndexIT extends GraphQlIT {

	private static final List<String> ROOTS = List.of("s1", "s2", "f1", "f2", "m", "p", "pol", "ap", "d1", "d2", "d3",
			"a1", "a2", "a3", "a4");

	@Autowired
	private DependencyIndex index;

	@Autowired
	private Neo4jConnectionDetails neo4j;

	@Autowired
	private org.springframework.core.env.Environment environment;

	@Autowired
	private io.micrometer.core.instrument.MeterRegistry meters;

	private Story story;

	@BeforeEach
	void tellTheStory() {
		this.story = story().dataSource("s1")
			.dataSource("s2")
			.feature("f1", "s1")
			.feature("f2", "f1", "s2")
			.model("m", "f2")
			.with("trainedOn", List.of("s2"))
			.prompt("p")
			.policy("pol")
			.approver("ap")
			.decision("d1", "2026-01-01T10:00:00Z", "f1")
			.with("policy", "pol")
			.decision("d2", "2026-02-01T10:00:00Z", "f2")
			.with("modelVersion", "m")
			.with("promptVersion", "p")
			.decision("d3", "2026-03-01T10:00:00Z", "f2")
			.with("dataSources", List.of("s1"))
			.with("route", "HUMAN_REVIEW")
			.action("a1", "2026-03-01T10:01:00Z", "d3")
			.action("a2", "2026-03-01T10:02:00Z", "d2", "a1")
			.action("a3", "2026-03-01T10:03:00Z", "d1", "a2")
			.with("reversible", false)
			.action("a4", "2026-03-01T10:02:00Z", "d3", "a1");
		this.story.ingest(this.graphQl);
		approve("d3", "ap");
		markRolledBack("a2", "test", "wrong refund");
	}

	@Test
	void theIndexIsInStepWithTheAuditLogAfterEveryWrite() {
		this.graphQl.documentName("closures").variable("id", id("s1")).execute();
		long head = this.driver.executableQuery("MATCH (h:AuditHead) RETURN h.sequence AS s")
			.execute()
			.records()
			.get(0)
			.get("s")
			.asLong();
		assertThat(this.index.ready()).isTrue();
		assertThat(this.index.sequence()).isEqualTo(head);
	}

	/**
	 * This instance's writes reach the index from what the audit log read back inside the
	 * writing transaction: nothing is read again, and the index is in step before the
	 * mutation answers.
	 */
	@Test
	void ownWritesAreAppliedWithoutReadingThemAgain() {
		double readsBefore = touchedNodeReads();
		story().decision("d5", "2026-04-02T10:00:00Z", "f2")
			.with("route", "HUMAN_REVIEW")
			.action("a6", "2026-04-02T10:01:00Z", "d5", "a4")
			.ingest(this.graphQl);
		assertThat(this.index.sequence()).isEqualTo(auditHead());
		approve("d5", "ap");
		assertThat(this.index.sequence()).isEqualTo(auditHead());
		assertThat(touchedNodeReads()).isEqualTo(readsBefore);
		assertThat(closures(this.graphQl, "s1", null, null))
			.isEqualTo(closures(this.graphQl, "s1", null, Utc.END_OF_TIME.toString()));
	}

	/**
	 * Writers committing side by side may announce their commits out of order; the index
	 * still applies every write, in audit order.
	 */
	@Test
	void writersSideBySideAllReachTheIndex() throws InterruptedException {
		List<Thread> writers = new java.util.ArrayList<>();
		for (int writer = 0; writer < 2; writer++) {
			int w = writer;
			writers.add(new Thread(() -> {
				for (int batch = 0; batch < 10; batch++) {
					String d = "w" + w + "d" + batch;
					story().decision(d, "2026-05-01T10:00:00Z", "f1")
						.action(d + "a", "2026-05-01T10:01:00Z", d, "a1")
						.ingest(this.graphQl);
				}
			}));
		}
		writers.forEach(Thread::start);
		for (Thread writer : writers) {
			writer.join();
		}
		Map<String, Object> s1 = closures(this.graphQl, "s1", null, null);
		assertThat(s1).extractingByKey("blastRadius")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("decisionCount", 23);
		assertThat(s1).isEqualTo(closures(this.graphQl, "s1", null, Utc.END_OF_TIME.toString()));
		assertThat(closures(this.graphQl, "a1", null, null))
			.isEqualTo(closures(this.graphQl, "a1", null, Utc.END_OF_TIME.toString()));
	}

	/**
	 * Under a steady writer, reads often come between a write's commit and the index
	 * taking it on the committing thread. Such a read waits for that write rather than
	 * reading its nodes from the store: no catch-up reads the store, however the reads
	 * and commits interleave (without the wait, readers read 12 of these 20 batches from
	 * the store again).
	 */
	@Test
	void aReadBetweenACommitAndItsApplyWaitsForItRatherThanReadingTheStore() throws InterruptedException {
		double catchUpsBefore = storeCatchUps();
		java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
		List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		List<Thread> readers = new java.util.ArrayList<>();
		for (int reader = 0; reader < 2; reader++) {
			readers.add(new Thread(() -> {
				try {
					while (writing.get()) {
						assertThat(this.index.read(graph -> graph.size())).as("answered by the index").isPresent();
						reads.incrementAndGet();
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}));
		}
		readers.forEach(Thread::start);
		try {
			for (int batch = 0; batch < 20; batch++) {
				Story writes = story();
				for (int d = 0; d < 40; d++) {
					String id = "r" + batch + "d" + d;
					writes.decision(id, "2026-05-02T10:00:00Z", "f1").action(id + "a", "2026-05-02T10:01:00Z", id);
				}
				writes.ingest(this.graphQl);
			}
		}
		finally {
			writing.set(false);
			for (Thread reader : readers) {
				reader.join();
			}
		}
		assertThat(failures).isEmpty();
		assertThat(reads.get()).as("reads beside the writes").isGreaterThan(50);
		assertThat(storeCatchUps()).as("catch-ups that read the store").isEqualTo(catchUpsBefore);
		assertThat(this.index.sequence()).isEqualTo(auditHead());
		assertThat(closures(this.graphQl, "f1", null, null))
			.isEqualTo(closures(this.graphQl, "f1", null, Utc.END_OF_TIME.toString()));
	}

	private double storeCatchUps() {
		io.micrometer.core.instrument.Timer timer = this.meters.find("provenant.index.catch-up").timer();
		return (timer != null) ? timer.count() : 0;
	}

	private long auditHead() {
		return this.driver.executableQuery("MATCH (h:AuditHead) RETURN h.sequence AS s")
			.execute()
			.records()
			.get(0)
			.get("s")
			.asLong();
	}

	private double touchedNodeReads() {
		io.micrometer.core.instrument.Counter counter = this.meters.find("provenant.cypher.statements")
			.tag("query", "dependency/nodes_with_edges")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void theIndexAnswersAsCypherDoesForEveryRoot() {
		for (String root : ROOTS) {
			assertThat(closures(this.graphQl, root, null, null)).as(root)
				.isEqualTo(closures(this.graphQl, root, null, Utc.END_OF_TIME.toString()));
		}
	}

	@Test
	void theIndexAnswersAsCypherDoesInsideATimeWindow() {
		for (String root : ROOTS) {
			assertThat(closures(this.graphQl, root, "2026-02-01T10:00:00Z", null)).as(root)
				.isEqualTo(closures(this.graphQl, root, "2026-02-01T10:00:00Z", Utc.END_OF_TIME.toString()));
		}
	}

	@Test
	void theReviewsEdgeAndTheRollbackAreInTheIndex() {
		Map<String, Object> approver = closures(this.graphQl, "ap", null, null);
		assertThat(approver).extractingByKey("blastRadius")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("decisionCount", 1)
			.containsEntry("actionCount", 4);
		assertThat(closures(this.graphQl, "d2", null, null)).extractingByKey("rollbackScope")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("stepCount", 1);
	}

	/**
	 * A second instance on the same Neo4j builds its index from what is stored, and each
	 * instance sees the other's writes at its next read.
	 */
	@Test
	void instancesSharingADatabaseSeeEachOthersWrites() throws Exception {
		// Instances of one service share its database and its signing key.
		List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0", "--" + TestKeys.SETTING,
				"--spring.main.banner-mode=off",
				"--provenant.prov.signing-key-file=" + this.environment.getProperty("provenant.prov.signing-key-file"),
				"--provenant.embedded.data-dir=" + java.nio.file.Files.createTempDirectory("provenant-other-")));
		arguments.addAll(List.of(Neo4jUnderTest.sameDatabase(this.environment, this.neo4j.getUri())));
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ProvenantApplication.class)
			.run(arguments.toArray(String[]::new))) {
			HttpGraphQlTester otherGraphQl = HttpGraphQlTester
				.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
					.baseUrl("http://localhost:" + other.getEnvironment().getProperty("local.server.port") + "/graphql")
					.defaultHeader("X-API-Key", TestKeys.ADMIN)
					.build());
			DependencyIndex otherIndex = other.getBean(DependencyIndex.class);
			awaitReady(otherIndex);
			assertThat(otherIndex.ready()).isTrue();
			// This instance took its writes from the audit log's read-back; the other
			// read
			// everything from the store.
			for (String root : ROOTS) {
				assertThat(closures(otherGraphQl, root, null, null)).as(root)
					.isEqualTo(closures(this.graphQl, root, null, null));
			}

			story().decision("d4", "2026-04-01T10:00:00Z", "f1")
				.action("a5", "2026-04-01T10:01:00Z", "d4")
				.ingest(otherGraphQl);
			Map<String, Object> here = closures(this.graphQl, "s1", null, null);
			assertThat(here).extractingByKey("blastRadius")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("decisionCount", 4);
			assertThat(closures(otherGraphQl, "s1", null, null)).isEqualTo(here);
		}
	}

	private Map<String, Object> closures(HttpGraphQlTester tester, String root, String from, String asOf) {
		return tester.documentName("closures")
			.variable("id", id(root))
			.variable("from", from)
			.variable("asOf", asOf)
			.execute()
			.path("")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

}
