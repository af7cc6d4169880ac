package dev.provenant.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole bench command at a tiny size: it starts its own Provenant, ingests, finds the
 * three engines agree, prints the table and writes the JSON.
 */
class BenchIT {

	@Test
	void aTinyRunAgreesPrintsTheTableAndWritesTheJson(@TempDir Path out) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		BenchOptions options = new BenchOptions("tiny", 1500, 11, 3, Duration.ZERO, Duration.ofSeconds(1), out);
		new BenchCommand(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).execute();

		String text = printed.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("The engines agree", "Settled before timing (a checkpoint and a full collection)",
				"Warmed the read path up: ", "On disk after the ingest: the store ", "Ingest, one writer",
				"Ingest, two writers", "blast radius ids, data source (stress)", "rollback scope, model version",
				"## Provenant benchmark, size tiny (1,500 decisions), seed 11", "- commit: `", "- date (UTC): ",
				"- machine: ", "- JVM: ", "| query | answer | service p50 | service p99 | service n |",
				"| mixed: the same reads while one writer ingests |");
		JsonNode report = JsonMapper.builder()
			.build()
			.readTree(Files.readString(out.resolve("bench-tiny-latest.json")));
		assertThat(report.path("storeBytes").asLong()).as("the store on disk").isPositive();
		assertThat(report.path("transactionLogBytes").asLong()).as("its transaction logs").isPositive();
		assertThat(report.path("decisions").asInt()).isEqualTo(1500);
		assertThat(report.path("environment").path("commit").asString()).isNotBlank();
		assertThat(report.path("environment").path("date").asString()).endsWith("Z");
		assertThat(report.path("environment").path("cores").asInt()).isPositive();
		assertThat(report.path("environment").path("jvmVersion").asString()).contains(Runtime.version().toString());
		assertThat(report.path("mixedLoadIngestBatches").asInt()).isPositive();
		assertThat(report.path("mixedLoadIngestRecords").asLong()).isPositive();
		// agents over OTLP: two requests of 64 seven-span traces per sender, every span
		// taken
		assertThat(text).contains("OTLP ingest, 1 sender(s): 896 spans", "OTLP ingest, 4 sender(s): 3,584 spans");
		assertThat(report.path("otlp ingest 4").path("decisionsPerSecond").asDouble()).isPositive();
		// agents recording one decision per request: every request one decision, and the
		// audit log verifies after 32 writers
		for (int writers : new int[] { 1, 8, 32 }) {
			JsonNode small = report.path("small writes " + writers);
			assertThat(small.path("clients").asInt()).isEqualTo(writers);
			assertThat(small.path("requests").asLong()).isPositive();
			assertThat(small.path("decisionsPerSecond").asDouble())
				.isEqualTo(small.path("requestsPerSecond").asDouble());
		}
		assertThat(text).contains("Small writes, 32 writer(s): ", "the audit log verifies after the small writes");
		assertThat(report.path("empty requests 8").path("requestsPerSecond").asDouble()).isPositive();
		// the small-write floor: the same requests, each created whole by Neo4j alone
		// (SmallWrites fails the run on a request that creates anything but its three
		// nodes)
		for (int writers : new int[] { 1, 8, 32 }) {
			JsonNode floor = report.path("small write floor " + writers);
			assertThat(floor.path("clients").asInt()).isEqualTo(writers);
			assertThat(floor.path("requests").asLong()).isPositive();
			assertThat(report.path("smallWritesToFloor").path(Integer.toString(writers)).asDouble()).isPositive();
		}
		assertThat(text).contains("Small-write floor (Neo4j alone, a transaction each), 8 writer(s): ",
				"Small writes against their floor: 1 writer ");
		// the write floor: the same batches, every record of them created by Neo4j alone
		assertThat(report.path("write floor one writer").path("records").asLong())
			.isEqualTo(report.path("ingest one writer").path("records").asLong());
		assertThat(report.path("write floor two writers").path("records").asLong())
			.isEqualTo(report.path("ingest two writers").path("records").asLong());
		assertThat(report.path("ingestToFloorOneWriter").asDouble()).isPositive();
		assertThat(report.path("ingestTwoWritersToOne").asDouble()).isPositive();
		assertThat(text).contains("Write floor, one writer: ", "Ingest against the write floor: one writer ");
		// five closure roots: ids, counts and rollback from two engines, naive ids; four
		// lineage roots at three depths
		assertThat(report.path("agreementChecks").asInt()).isEqualTo(5 * (2 * 3 + 1) + 4 * 3 * 2);
		assertThat(report.path("dependencyIndexBytes").asLong()).isPositive();
		for (String query : CypherEngine.EXPERT_QUERIES) {
			assertThat(report.path("rawCypherPlans").path(query).toString()).contains("VarLengthExpand(Pruning")
				.doesNotContain("\"Apply\"");
		}
		assertThat(text).contains("blast radius ids, model version, naive Cypher (subquery per decision)");
		assertThat(report.path("queries")).hasSizeGreaterThan(20);
		JsonNode first = report.path("queries").get(0);
		assertThat(first.path("service").path("p50").asDouble()).isPositive();
		for (JsonNode query : report.path("queries")) {
			for (String engine : new String[] { "service", "rawCypher", "floor" }) {
				JsonNode measured = query.path(engine);
				if (!measured.isNull()) {
					assertP99OnlyFromOneHundredSamples(query.path("query").asString() + " on " + engine, measured);
				}
			}
		}
	}

	private static void assertP99OnlyFromOneHundredSamples(String what, JsonNode measured) {
		int samples = measured.path("samples").asInt();
		assertThat(samples).as(what).isGreaterThanOrEqualTo(3);
		if (samples < Measurement.SAMPLES_FOR_P99) {
			assertThat(measured.path("p99").isNull()).as(what + ": p99 from " + samples + " samples").isTrue();
		}
		else {
			assertThat(measured.path("p99").asDouble()).as(what).isPositive();
		}
	}

}
