package dev.provenant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTests {

	private static final RunEnvironment ENVIRONMENT = new RunEnvironment("1dc6e51-dirty", "2026-12-06T16:00:00Z", 2,
			"Linux 6.1.0", "amd64", 4096, "Debian", "OpenJDK 64-Bit Server VM 17.0.15+6");

	private final BenchReport report = new BenchReport(ENVIRONMENT, "Provenant benchmark, size S");

	BenchReportTests() {
		// the service timed 100 times, raw Cypher 3 times (its budget ran out), no floor
		this.report.add(new Row("blast radius ids, model version", 24_997L, measurement(100, 23.2, 35.3),
				measurement(3, 85.5, null), null));
		this.report.add(new Row("mixed: reads alone", null, measurement(250, 6.71, 21.5), null, null));
		this.report.note("Ingest, one writer: 2,833 records/s");
	}

	private static Measurement measurement(int samples, double p50, Double p99) {
		return new Measurement(samples, p50, p99);
	}

	@Test
	void theTableIsMarkdownHeadedWithCommitDateMachineAndJvm() {
		List<String> lines = this.report.markdown().lines().toList();

		assertThat(lines).startsWith("## Provenant benchmark, size S", "", "- commit: `1dc6e51-dirty`",
				"- date (UTC): 2026-12-06T16:00:00Z", "- machine: 2 cores, Linux 6.1.0, amd64, max heap 4,096 MB",
				"- JVM: Debian, OpenJDK 64-Bit Server VM 17.0.15+6");
		assertThat(lines).contains(
				"| query | answer | service p50 | service p99 | service n | raw Cypher p50 | raw p99 "
						+ "| raw n | floor p50 | floor p99 | floor n | service ÷ raw | service ÷ floor |",
				"| blast radius ids, model version | 24,997 | 23.2 | 35.3 | 100 | 85.5 | n/a | 3 | – | – | – | 0.3 | – |",
				"| mixed: reads alone | – | 6.71 | 21.5 | 250 | – | – | – | – | – | – | – | – |",
				"- Ingest, one writer: 2,833 records/s");
		List<String> table = lines.stream().filter(line -> line.startsWith("|")).toList();
		assertThat(table).hasSize(4);
		assertThat(table.get(1)).matches("\\| ---( \\| ---:){12} \\|");
		assertThat(table).allSatisfy(line -> assertThat(cells(line)).isEqualTo(13));
	}

	private static long cells(String line) {
		return Arrays.stream(line.split("(?<!\\\\)\\|", -1)).count() - 2;
	}

	@Test
	void aPipeInAQueryDoesNotSplitItsCell() {
		this.report.add(new Row("lineage | upstream", 1L, measurement(3, 1, null), null, null));

		String row = this.report.markdown().lines().filter(line -> line.contains("upstream")).findFirst().orElseThrow();
		assertThat(row).startsWith("| lineage \\| upstream | 1 |");
		assertThat(cells(row)).isEqualTo(13);
	}

	@Test
	void theJsonCarriesTheSameHeadingAndLeavesOutTheP99OfFewSamples(@TempDir Path out) throws Exception {
		List<Path> written = this.report.write(out, "S");

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(written.get(1)));
		JsonNode environment = json.path("environment");
		assertThat(environment.path("commit").asString()).isEqualTo("1dc6e51-dirty");
		assertThat(environment.path("date").asString()).isEqualTo("2026-12-06T16:00:00Z");
		assertThat(environment.path("cores").asInt()).isEqualTo(2);
		assertThat(environment.path("os").asString()).isEqualTo("Linux 6.1.0");
		assertThat(environment.path("arch").asString()).isEqualTo("amd64");
		assertThat(environment.path("maxHeapMb").asLong()).isEqualTo(4096);
		assertThat(environment.path("jvmVendor").asString()).isEqualTo("Debian");
		assertThat(environment.path("jvmVersion").asString()).isEqualTo("OpenJDK 64-Bit Server VM 17.0.15+6");
		JsonNode raw = json.path("queries").get(0).path("rawCypher");
		assertThat(raw.path("samples").asInt()).isEqualTo(3);
		assertThat(raw.path("p99").isNull()).isTrue();
		assertThat(json.path("queries").get(0).path("service").path("p99").asDouble()).isEqualTo(35.3);
	}

}
