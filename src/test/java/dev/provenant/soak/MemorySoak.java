package dev.provenant.soak;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.provenant.support.PackagedService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service under a small fixed heap and a mixed load, for minutes, against a
 * store that grows: its memory must depend on the store, not on how many questions were
 * asked. Run by {@code ./mvnw -B -Psoak verify}; {@code -Dsoak.duration=10m} and
 * {@code -Dsoak.heap=512m} by default.
 * <p>
 * Every ten seconds it reads from the service the heap the last collections left in use,
 * the dependency index's and the caches' weights and the time spent in collection pauses;
 * once a minute it first has the service run three full collections a second apart
 * ({@code jcmd GC.run}) and keeps the least they left: the live heap, without garbage the
 * collector has not reached yet, and with as few answers in flight as the load allows.
 * Throughput is the load command's own count of answered requests. It fails when
 * <ul>
 * <li>the live heap, less the index (which grows with the store, as the memory model
 * says), keeps rising across the last half of the run: the Theil–Sen slope of its
 * per-minute figures (see {@link SoakReport#slope}), over that half, by more than 5% of
 * the heap. The caches are not taken off: they fill in the first minutes and stay within
 * their bound (the report shows their weight), so from then on they are part of the
 * level, and their weights are estimates where the live heap is a measurement;</li>
 * <li>collection pauses (less the forced ones) take more than 10% of the time;</li>
 * <li>throughput in the last minute falls below 80% of the first;</li>
 * <li>a request fails, or the service dies (it runs with
 * {@code -XX:+ExitOnOutOfMemoryError}).</li>
 * </ul>
 * It writes its figures to {@code target/soak/} as Markdown and JSON.
 */
class MemorySoak {

	private static final String KEY = "soak-admin-key-0c6f2d9e4b8a47f1a3d5";

	private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** {@code [ 95 s]  3199 requests, ...}: the load command's progress line. */
	private static final Pattern PROGRESS = Pattern.compile("^\\[\\s*(\\d+) s\\]\\s+(\\d+) requests");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void memoryStaysBoundedUnderMinutesOfMixedLoadOnAGrowingStore() throws Exception {
		Duration duration = Duration.parse("PT" + System.getProperty("soak.duration", "10m").toUpperCase());
		String heap = System.getProperty("soak.heap", "512m");
		Path store = Files.createTempDirectory("provenant-soak-");
		PackagedService service = PackagedService.start(store, KEY,
				List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
		Process load = null;
		try {
			service.awaitReady(this.http);
			Path loadLog = Files.createTempFile("provenant-soak-load-", ".log");
			load = new ProcessBuilder(PackagedService.java(), "-Xmx256m", "-jar", PackagedService.jar().getPath(),
					"load", "--url", "http://127.0.0.1:" + service.port, "--api-key", KEY, "--duration",
					duration.toSeconds() + "s", "--clients", "4", "--ingest-share", "0.2", "--batch-size", "10")
				.redirectErrorStream(true)
				.redirectOutput(loadLog.toFile())
				.start();
			List<Sample> samples = new ArrayList<>();
			long started = System.nanoTime();
			System.out.printf("Soak: %s of load against the packaged service with -Xmx%s%n", duration, heap);
			long nextFullGc = started + TimeUnit.SECONDS.toNanos(55);
			while (load.isAlive()) {
				assertThat(service.alive()).as("the service is running").isTrue();
				if (System.nanoTime() >= nextFullGc) {
					samples.addAll(liveHeap(service, started));
					nextFullGc += TimeUnit.SECONDS.toNanos(60);
				}
				else {
					samples.add(sample(service, started, false));
				}
				if (samples.size() % 6 == 0) {
					Sample last = samples.get(samples.size() - 1);
					System.out.printf("Soak: %4d s, heap after GC %d MiB, index %d MiB, caches %d MiB%n",
							last.seconds(), last.live() >> 20, last.index() >> 20, last.caches() >> 20);
				}
				load.waitFor(SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
			}
			samples.addAll(liveHeap(service, started));
			String loadOutput = Files.readString(loadLog);
			SoakReport report = SoakReport.of(samples, progress(loadOutput), duration, parseHeap(heap));
			Path out = Path.of("target", "soak");
			Files.createDirectories(out);
			Files.writeString(out.resolve("soak.md"), report.markdown() + "\n" + summary(loadOutput));
			Files.writeString(out.resolve("soak.json"), JSON.writeValueAsString(report.json()));
			System.out.println(report.markdown());
			System.out.println(summary(loadOutput));

			assertThat(load.exitValue()).as("the load command's exit status (1: a request failed)\n%s", loadOutput)
				.isZero();
			assertThat(report.growthBytes()).as("live heap, less the index, rising across the last half (bytes)")
				.isLessThanOrEqualTo(report.allowedGrowthBytes());
			assertThat(report.gcShare()).as("share of the run spent in GC pauses").isLessThanOrEqualTo(0.10);
			assertThat(report.lastMinuteThroughput())
				.as("requests per second in the last minute, against the first (%.1f)", report.firstMinuteThroughput())
				.isGreaterThanOrEqualTo(0.8 * report.firstMinuteThroughput());
		}
		finally {
			if (load != null) {
				load.destroyForcibly();
			}
			service.stop();
		}
	}

	private Sample sample(PackagedService service, long started, boolean afterFullGc) throws Exception {
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
		double pauses = metric(service, "jvm.gc.pause", "TOTAL_TIME")
				- metric(service, "jvm.gc.pause?tag=cause:Diagnostic%20Command", "TOTAL_TIME");
		return new Sample(seconds, afterFullGc, (long) metric(service, "provenant.heap.live", "VALUE"),
				(long) metric(service, "provenant.index.memory", "VALUE"),
				(long) metric(service, "provenant.cache.weight", "VALUE"), pauses);
	}

	/** Three full collections a second apart, with what each left. */
	private List<Sample> liveHeap(PackagedService service, long started) throws Exception {
		List<Sample> after = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			if (i > 0) {
				Thread.sleep(1000);
			}
			fullCollection(service);
			after.add(sample(service, started, true));
		}
		return after;
	}

	/** A full collection in the service, as an operator would ask for one. */
	private static void fullCollection(PackagedService service) throws Exception {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process gc = new ProcessBuilder(jcmd, Long.toString(service.pid()), "GC.run").redirectErrorStream(true).start();
		String output = new String(gc.getInputStream().readAllBytes());
		assertThat(gc.waitFor(60, TimeUnit.SECONDS)).as("jcmd GC.run finished").isTrue();
		assertThat(gc.exitValue()).as("jcmd GC.run: %s", output).isZero();
	}

	/**
	 * One statistic of a metric, summed over its tags by the actuator; 0 for a tag value
	 * not seen yet, and for the collection pauses before the first collection (Micrometer
	 * registers their timer when one is first reported, which a sample taken in the first
	 * seconds can precede).
	 */
	private double metric(PackagedService service, String name, String statistic) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(service.uri("/actuator/metrics/" + name)).header("X-API-Key", KEY).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404 && (name.contains("?tag=") || name.equals("jvm.gc.pause"))) {
			return 0;
		}
		assertThat(response.statusCode()).as("GET /actuator/metrics/%s: %s", name, response.body()).isEqualTo(200);
		for (JsonNode measurement : JSON.readTree(response.body()).get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		return 0;
	}

	/**
	 * Seconds into the run to requests answered by then, from the load command's output.
	 */
	static Map<Long, Long> progress(String loadOutput) {
		Map<Long, Long> requests = new LinkedHashMap<>();
		for (String line : loadOutput.split("\n")) {
			Matcher matcher = PROGRESS.matcher(line);
			if (matcher.find()) {
				requests.put(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
			}
		}
		return requests;
	}

	private static String summary(String loadOutput) {
		int table = loadOutput.indexOf("operation ");
		return (table >= 0) ? "```\n" + loadOutput.substring(table).strip() + "\n```\n" : "";
	}

	static long parseHeap(String heap) {
		long number = Long.parseLong(heap.substring(0, heap.length() - 1));
		return switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
			case 'g' -> number << 30;
			case 'm' -> number << 20;
			case 'k' -> number << 10;
			default -> throw new IllegalArgumentException("soak.heap: a size like 512m, got " + heap);
		};
	}

	/** What one look at the service saw. */
	record Sample(long seconds, boolean afterFullGc, long live, long index, long caches, double gcPauseSeconds) {

		/**
		 * The heap in use after GC that the index does not account for: what must not
		 * keep rising.
		 */
		long beyondIndex() {
			return this.live - this.index;
		}

	}

}
