package dev.provenant.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.provenant.support.PackagedService;
import dev.provenant.support.TenRecordBatch;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three packaged instances, each in its own JVM, on one database: the first runs the
 * embedded Neo4j and serves it over Bolt, the other two use it as an external Neo4j, all
 * with one signing key. One of the two is killed with SIGKILL while two clients ingest
 * through it: the other instances keep answering throughout, every batch is wholly
 * present or absent (and present if acknowledged), and the audit log verifies. Started
 * again, it catches up with what was written meanwhile. A subscriber whose instance is
 * killed and started again resumes after the last cursor it saw, and hears what was
 * written while it was gone, once each and in order.
 */
class ReplicaFailureIT {

	private static final String KEY = "replica-admin-key-8b1f4e6a2c9d47e3b5a0";

	private static final List<String> JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

	private static final String BLAST_RADIUS = "query($id: ID!) { blastRadius(id: $id) { decisionCount actionCount } }";

	private static final String QUARANTINE = "mutation($id: ID!) { quarantine(id: $id, reason: \"suspect\") "
			+ "{ decisionCount } }";

	private static final String RELEASE = "mutation($id: ID!) { release(id: $id, reason: \"fixed\") "
			+ "{ decisionCount } }";

	private static final String EVENTS = "subscription($after: String) { governanceEvents(types: [QUARANTINED, "
			+ "RELEASED], after: $after) { id type subjectId cursor } }";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aKilledInstanceLeavesTheOthersAnsweringNoHalfBatchAndCatchesUpWhenStartedAgain() throws Exception {
		Path root = Files.createTempDirectory("provenant-replicas-");
		String bolt = Integer.toString(PackagedService.freePort());
		String signingKey = "--provenant.prov.signing-key-file=" + root.resolve("signing-key.pem");
		PackagedService first = PackagedService.start(root.resolve("first"), KEY, JVM,
				"--provenant.embedded.bolt-port=" + bolt, signingKey);
		List<PackagedService> running = new ArrayList<>(List.of(first));
		try {
			first.awaitReady(this.http);
			String password = Files.readString(root.resolve("first").resolve("neo4j-password")).strip();
			String[] sameDatabase = { "--spring.neo4j.uri=bolt://127.0.0.1:" + bolt,
					"--spring.neo4j.authentication.username=neo4j",
					"--spring.neo4j.authentication.password=" + password, signingKey };
			PackagedService second = PackagedService.start(root.resolve("second"), KEY, JVM, sameDatabase);
			PackagedService third = PackagedService.start(root.resolve("third"), KEY, JVM, sameDatabase);
			running.addAll(List.of(second, third));
			second.awaitReady(this.http);
			third.awaitReady(this.http);

			TenRecordBatch known = new TenRecordBatch("known");
			assertThat(known.ingest(first, this.http, KEY)).as("a batch through the first instance").isTrue();

			// a subscriber on the third hears a quarantine made through the first (from
			// the start of the event log, so that it cannot subscribe too late)
			post(first, QUARANTINE, Map.of("id", "known:ds"), null);
			Map<String, Object> heard = subscribe(third, "0", 1).get(0);
			assertThat(heard).containsEntry("type", "QUARANTINED").containsEntry("subjectId", "known:ds");

			// the second is killed mid-ingest while readers ask the first and the third
			List<TenRecordBatch> batches = new CopyOnWriteArrayList<>();
			AtomicInteger reads = new AtomicInteger();
			List<String> failedReads = new CopyOnWriteArrayList<>();
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> clients = new ArrayList<>();
			for (int client = 0; client < 2; client++) {
				int id = client;
				clients.add(started(() -> {
					// until its instance is gone, as a client behind a load balancer
					for (int n = 0; !stop.get() && second.alive(); n++) {
						TenRecordBatch batch = new TenRecordBatch("c" + id + "b" + n);
						batches.add(batch);
						batch.ingest(second, this.http, KEY);
					}
				}));
			}
			clients.add(started(() -> {
				while (!stop.get()) {
					for (PackagedService survivor : List.of(first, third)) {
						try {
							Map<String, Object> answer = post(survivor, BLAST_RADIUS, Map.of("id", "known:ds"), null);
							assertThat(answer.toString()).contains("decisionCount=5");
							reads.incrementAndGet();
						}
						catch (Exception | AssertionError ex) {
							failedReads.add(survivor.port + ": " + ex.getMessage());
						}
					}
				}
			}));
			// killed in the middle of writing, once writes are well under way
			for (int i = 0; i < 600 && batches.stream().filter(batch -> batch.acknowledged).count() < 20; i++) {
				Thread.sleep(100);
			}
			Thread.sleep(ThreadLocalRandom.current().nextInt(500));
			second.kill();
			Thread.sleep(2000);
			stop.set(true);
			for (Thread client : clients) {
				client.join(TimeUnit.SECONDS.toMillis(60));
			}
			assertThat(failedReads).as("reads through the instances still running").isEmpty();
			assertThat(reads.get()).as("reads answered while the second was killed").isPositive();
			long acknowledged = batches.stream().filter(batch -> batch.acknowledged).count();
			assertThat(acknowledged)
				.as("batches acknowledged before the kill; the first refused: %s",
						batches.stream().map(batch -> batch.failure).filter(failure -> failure != null).findFirst())
				.isGreaterThan(10);
			for (TenRecordBatch batch : batches) {
				batch.check(third, this.http, KEY);
			}
			assertThat(post(first, "{ verifyAuditLog { ok problem } }", Map.of(), null).toString()).contains("ok=true");

			// the third is killed too; what is written meanwhile waits for its subscriber
			third.kill();
			post(first, RELEASE, Map.of("id", "known:ds"), null);
			TenRecordBatch meanwhile = new TenRecordBatch("meanwhile");
			assertThat(meanwhile.ingest(first, this.http, KEY)).isTrue();
			post(first, QUARANTINE, Map.of("id", "meanwhile:ds"), null);
			Map<String, Object> lastWrite = post(first, RELEASE, Map.of("id", "meanwhile:ds"), null);

			// both started again: each answers as the first does, from the first request
			// that carries the last write's token
			PackagedService secondAgain = second.again();
			PackagedService thirdAgain = third.again();
			running.addAll(List.of(secondAgain, thirdAgain));
			secondAgain.awaitReady(this.http);
			thirdAgain.awaitReady(this.http);
			String token = (String) ((Map<?, ?>) lastWrite.get("extensions")).get("consistency");
			for (PackagedService restarted : List.of(secondAgain, thirdAgain)) {
				assertThat(post(restarted, BLAST_RADIUS, Map.of("id", "meanwhile:ds"), token))
					.isEqualTo(post(first, BLAST_RADIUS, Map.of("id", "meanwhile:ds"), null));
				for (TenRecordBatch batch : batches) {
					batch.check(restarted, this.http, KEY);
				}
			}

			// the subscriber resumes on its restarted instance after the last cursor it
			// saw
			List<Map<String, Object>> resumed = subscribe(thirdAgain, (String) heard.get("cursor"), 3);
			assertThat(resumed).extracting(event -> event.get("type") + " " + event.get("subjectId"))
				.containsExactly("RELEASED known:ds", "QUARANTINED meanwhile:ds", "RELEASED meanwhile:ds");
			assertThat(resumed).extracting(event -> Long.parseLong((String) event.get("cursor")))
				.isSorted()
				.doesNotHaveDuplicates()
				.allMatch(cursor -> cursor > Long.parseLong((String) heard.get("cursor")));
			System.out.printf(
					"Replica failure: %d batches through the killed instance, %d acknowledged, all whole "
							+ "or absent; %d reads through the others meanwhile, none failed%n",
					batches.size(), acknowledged, reads.get());
		}
		finally {
			for (PackagedService service : running) {
				service.kill();
			}
		}
	}

	private static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	/**
	 * The first {@code count} quarantine and release events after the cursor
	 * {@code after}, heard on {@code instance}; waits up to 30 s.
	 */
	private List<Map<String, Object>> subscribe(PackagedService instance, String after, int count) {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://127.0.0.1:" + instance.port + "/graphql"), new StandardWebSocketClient())
			.header("X-API-Key", KEY)
			.build()
			.document(EVENTS)
			.variable("after", after)
			.executeSubscription()
			.map(ReplicaFailureIT::event)
			.take(count)
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> event(ClientGraphQlResponse response) {
		return (Map<String, Object>) ((Map<String, Object>) response.toMap().get("data")).get("governanceEvents");
	}

	private Map<String, Object> post(PackagedService instance, String query, Map<String, Object> variables,
			String token) throws Exception {
		Map<String, Object> response = (token != null)
				? instance.graphQl(this.http, KEY, Map.of("query", query, "variables", variables),
						"Provenant-Consistency", token)
				: instance.graphQl(this.http, KEY, Map.of("query", query, "variables", variables));
		assertThat(response.get("errors")).as(query).isNull();
		return response;
	}

}
