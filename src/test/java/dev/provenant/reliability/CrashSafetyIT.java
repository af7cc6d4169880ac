package dev.provenant.reliability;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.provenant.support.PackagedService;
import dev.provenant.support.TenRecordBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forks the packaged service, kills it with SIGKILL while clients are ingesting, starts
 * it again on the same store, and does so round after round. After every restart each
 * batch ever sent is wholly present or wholly absent (and present if it was
 * acknowledged), the audit log verifies, and a question asked after the first round gets
 * the same answer.
 */
class CrashSafetyIT {

	private static final int ROUNDS = 10;

	private static final String KEY = "crash-admin-key-5d0e8b2c71f94a36b8e2";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Random random = new Random(20261126);

	@Test
	void everyBatchIsWhollyPresentOrAbsentAfterEachKill() throws Exception {
		Path store = Files.createTempDirectory("provenant-crash-");
		List<TenRecordBatch> batches = new ArrayList<>();
		String question = "{ lineage(id: \"r0b0:d1\", depth: 5) { nodes { id kind } edges { from to type } } }";
		Map<String, Object> answer = null;
		for (int round = 0; round <= ROUNDS; round++) {
			PackagedService service = PackagedService.start(store, KEY, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
					"--logging.level.dev.provenant.audit=WARN");
			try {
				service.awaitReady(this.http);
				checkEveryBatch(service, batches);
				assertThat(graphQl(service, "{ verifyAuditLog { ok firstBrokenSequence } }"))
					.as("audit log after round %d", round)
					.extracting("data.verifyAuditLog.ok")
					.isEqualTo(true);
				if (answer != null) {
					assertThat(graphQl(service, question)).as("answer after round %d", round).isEqualTo(answer);
				}
				if (round == ROUNDS) {
					break;
				}
				// Each round starts with a batch known to be committed before the kill is
				// armed.
				TenRecordBatch first = new TenRecordBatch("r" + round + "b0");
				batches.add(first);
				first.ingest(service, this.http, KEY);
				assertThat(first.acknowledged).as("round %d's first batch", round).isTrue();
				if (answer == null) {
					answer = graphQl(service, question);
					assertThat(answer).extracting("data.lineage.nodes").asList().hasSize(3);
				}
				batches.addAll(ingestUntilKilled(service, round));
			}
			finally {
				service.kill();
			}
		}
		long acknowledged = batches.stream().filter(batch -> batch.acknowledged).count();
		System.out.printf("Crash safety: %d rounds, %d batches sent, %d acknowledged, all whole or absent%n", ROUNDS,
				batches.size(), acknowledged);
		assertThat(acknowledged).isGreaterThanOrEqualTo(ROUNDS);
	}

	/**
	 * Ingests batches from two clients until the service is killed at a random moment.
	 */
	private List<TenRecordBatch> ingestUntilKilled(PackagedService service, int round) throws Exception {
		List<TenRecordBatch> sent = new CopyOnWriteArrayList<>();
		AtomicBoolean killed = new AtomicBoolean();
		List<Thread> clients = new ArrayList<>();
		for (int client = 0; client < 2; client++) {
			int id = client;
			Thread thread = new Thread(() -> {
				for (int n = 1; !killed.get(); n++) {
					TenRecordBatch batch = new TenRecordBatch("r" + round + "c" + id + "b" + n);
					sent.add(batch);
					batch.ingest(service, this.http, KEY);
				}
			});
			thread.start();
			clients.add(thread);
		}
		Thread.sleep(300 + this.random.nextInt(1500));
		killed.set(true);
		service.kill();
		for (Thread client : clients) {
			client.join(TimeUnit.SECONDS.toMillis(30));
		}
		return sent;
	}

	private void checkEveryBatch(PackagedService service, List<TenRecordBatch> batches) throws Exception {
		for (TenRecordBatch batch : batches) {
			batch.check(service, this.http, KEY);
		}
	}

	private Map<String, Object> graphQl(PackagedService service, String query) throws Exception {
		Map<String, Object> response = service.graphQl(this.http, KEY, Map.of("query", query));
		assertThat(response.get("errors")).as(query).isNull();
		return response;
	}

}
