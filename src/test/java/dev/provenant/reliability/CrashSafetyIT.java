package dev.provenant.reliability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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

	private static final int RECORDS_PER_BATCH = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Random random = new Random(20261126);

	@Test
	void everyBatchIsWhollyPresentOrAbsentAfterEachKill() throws Exception {
		Path store = Files.createTempDirectory("provenant-crash-");
		List<Batch> batches = new ArrayList<>();
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
				Batch first = new Batch("r" + round + "b0");
				batches.add(first);
				first.acknowledged = ingest(service, first);
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
	private List<Batch> ingestUntilKilled(PackagedService service, int round) throws Exception {
		List<Batch> sent = new CopyOnWriteArrayList<>();
		AtomicBoolean killed = new AtomicBoolean();
		List<Thread> clients = new ArrayList<>();
		for (int client = 0; client < 2; client++) {
			int id = client;
			Thread thread = new Thread(() -> {
				for (int n = 1; !killed.get(); n++) {
					Batch batch = new Batch("r" + round + "c" + id + "b" + n);
					sent.add(batch);
					batch.acknowledged = ingest(service, batch);
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

	private void checkEveryBatch(PackagedService service, List<Batch> batches) throws Exception {
		for (Batch batch : batches) {
			StringBuilder query = new StringBuilder("{");
			List<String> ids = batch.ids();
			for (int i = 0; i < ids.size(); i++) {
				query.append(" n")
					.append(i)
					.append(": node(id: \"")
					.append(ids.get(i))
					.append("\") { id ... on Decision { features { id } } }");
			}
			Map<String, Object> data = data(graphQl(service, query.append(" }").toString()));
			long present = data.values().stream().filter(node -> node != null).count();
			assertThat(present).as("records of batch %s present (acknowledged: %s)", batch.prefix, batch.acknowledged)
				.isIn(0L, (long) RECORDS_PER_BATCH);
			if (batch.acknowledged) {
				assertThat(present).as("acknowledged batch %s", batch.prefix).isEqualTo(RECORDS_PER_BATCH);
			}
			if (present > 0) {
				assertThat(data.get("n2").toString()).as("decision edges of %s", batch.prefix)
					.contains(batch.prefix + ":f");
			}
		}
	}

	private boolean ingest(PackagedService service, Batch batch) {
		try {
			Map<String, Object> response = post(service,
					Map.of("query", "mutation($b: ProvenanceBatch!) { ingest(batch: $b) { created } }", "variables",
							Map.of("b", batch.records())));
			return response.get("errors") == null && Integer.valueOf(RECORDS_PER_BATCH)
				.equals(((Map<?, ?>) data(response).get("ingest")).get("created"));
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			return false;
		}
	}

	private Map<String, Object> graphQl(PackagedService service, String query) throws Exception {
		Map<String, Object> response = post(service, Map.of("query", query));
		assertThat(response.get("errors")).as(query).isNull();
		return response;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(PackagedService service, Map<String, Object> body)
			throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(service.uri("/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-API-Key", KEY)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return JSON.readValue(response.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> response) {
		return (Map<String, Object>) response.get("data");
	}

	/**
	 * Ten records that only make sense together: a source, a feature, decisions, actions.
	 */
	private static final class Batch {

		final String prefix;

		volatile boolean acknowledged;

		Batch(String prefix) {
			this.prefix = prefix;
		}

		List<String> ids() {
			List<String> ids = new ArrayList<>();
			for (String local : List.of("ds", "f", "d1", "d2", "d3", "d4", "d5", "a1", "a2", "a3")) {
				ids.add(this.prefix + ":" + local);
			}
			return ids;
		}

		Map<String, Object> records() {
			String p = this.prefix + ":";
			List<Map<String, Object>> decisions = new ArrayList<>();
			for (int i = 1; i <= 5; i++) {
				decisions.add(Map.of("id", p + "d" + i, "occurredAt", "2026-11-26T10:00:00Z", "outcome", "approve",
						"confidence", 0.9, "route", "AUTONOMOUS", "features", List.of(p + "f")));
			}
			return Map.of("dataSources", List.of(Map.of("id", p + "ds")), "features",
					List.of(Map.of("id", p + "f", "derivedFrom", List.of(p + "ds"))), "decisions", decisions, "actions",
					List.of(action(p, "a1", List.of()), action(p, "a2", List.of(p + "a1")),
							action(p, "a3", List.of(p + "a2"))));
		}

		private static Map<String, Object> action(String p, String local, List<String> triggeredBy) {
			return Map.of("id", p + local, "occurredAt", "2026-11-26T10:01:00Z", "type", "notify", "decision", p + "d1",
					"triggeredBy", triggeredBy);
		}

	}

}
