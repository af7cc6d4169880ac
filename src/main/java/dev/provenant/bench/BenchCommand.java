package dev.provenant.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.provenant.ProvenantApplication;
import dev.provenant.dependency.DependencyIndex;
import dev.provenant.store.CypherQueries;
import dev.provenant.store.GraphStore;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code java -jar provenant.jar bench ...}: generates the synthetic graph, starts
 * Provenant in this process on a fresh embedded store, ingests the graph through the
 * GraphQL API (one writer, then two), checks that the service, raw Cypher and the
 * in-memory floor give the same answers, times them, and reports.
 */
public final class BenchCommand {

	/** How many times {@code --warmup} the read path is warmed before the first row. */
	private static final int READ_PATH_WARM_UP = 15;

	private static final int BATCH_RECORDS = 1000;

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	private final BenchOptions options;

	private final PrintStream out;

	private final RunEnvironment environment;

	private final BenchReport report;

	/** Records per second of each ingest and write floor phase, by name. */
	private final Map<String, Double> recordsPerSecond = new java.util.HashMap<>();

	BenchCommand(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.environment = RunEnvironment.current(Clock.systemUTC());
		this.report = new BenchReport(this.environment,
				String.format(Locale.ROOT, "Provenant benchmark, size %s (%,d decisions), seed %d", options.size(),
						options.decisions(), options.seed()));
	}

	/** Runs the command with the arguments that follow {@code bench}; 0 on success. */
	public static int run(String... args) {
		return run(List.of(args), (options) -> new BenchCommand(options, System.out).execute(), System.out, System.err);
	}

	/**
	 * The exit code of a run: 0 on success, 1 for bad options or a run that failed (a
	 * baseline that disagrees, a writer that failed...), with the reason on {@code err}.
	 */
	static int run(List<String> arguments, Consumer<BenchOptions> execution, PrintStream out, PrintStream err) {
		if (!arguments.isEmpty() && "plot".equals(arguments.get(0))) {
			System.setProperty("java.awt.headless", "true");
			return ScalePlot.run(arguments.subList(1, arguments.size()), out, err);
		}
		if (BenchOptions.asksForHelp(arguments)) {
			out.print(BenchOptions.USAGE);
			return 0;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println("See: java -jar provenant.jar bench --help");
			return 1;
		}
		try {
			execution.accept(options);
			return 0;
		}
		catch (IllegalStateException ex) {
			err.println("Benchmark failed: " + ex.getMessage());
			return 1;
		}
	}

	void execute() {
		long started = System.nanoTime();
		this.out.printf(Locale.ROOT, "Provenant benchmark, size %s (%,d decisions), seed %d; commit %s; %s; %s%n",
				this.options.size(), this.options.decisions(), this.options.seed(), this.environment.commit(),
				this.environment.machine(), this.environment.jvm());
		this.report.fact("size", this.options.size());
		this.report.fact("seed", this.options.seed());

		long phase = System.nanoTime();
		SyntheticGraph graph = new SyntheticGraph(this.options.decisions(), this.options.seed());
		FloorEngine floor = new FloorEngine(graph);
		this.out.printf(Locale.ROOT,
				"Generated %,d nodes (%,d decisions, %,d actions, %,d upstream), deepest cascade %d, and the floor's "
						+ "CSR (%,d MB) in %s%n",
				graph.nodeCount(), graph.decisionCount(), graph.actionCount(), graph.upstreamCount(),
				graph.maxTriggerDepth() + 1, floor.bytes() >> 20, seconds(phase));
		this.report.fact("nodes", graph.nodeCount());
		this.report.fact("decisions", graph.decisionCount());
		this.report.fact("actions", graph.actionCount());
		this.report.fact("deepestCascade", graph.maxTriggerDepth() + 1);
		this.report.fact("floorCsrBytes", floor.bytes());

		Path store = temporaryStore();
		String apiKey = UUID.randomUUID().toString();
		try (ConfigurableApplicationContext service = start(store, apiKey)) {
			URI endpoint = URI
				.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + "/graphql");
			ServiceEngine serviceEngine = new ServiceEngine(endpoint, apiKey);
			CypherEngine raw = new CypherEngine(service.getBean(Driver.class), service.getBean(GraphStore.class),
					service.getBean(CypherQueries.class));
			long heapBefore = usedHeap();
			// The index is built from the store in the background at startup: built
			// before the
			// floor writes, it never holds the floor's records.
			awaitIndexBuilt(service.getBean(DependencyIndex.class));
			WriteFloor writeFloor = new WriteFloor(service.getBean(Driver.class), service.getBean(GraphStore.class));
			writeFloor(graph, writeFloor);
			ingest(graph, serviceEngine);
			compareWithFloor();
			waitForIndex(service.getBean(DependencyIndex.class), serviceEngine);
			long verifying = System.nanoTime();
			int events = serviceEngine.verifyAuditLog();
			this.out.printf(Locale.ROOT, "Verified the audit log (%,d events) and every record in the store in %s%n",
					events, seconds(verifying));
			this.report.fact("auditVerificationSeconds", (System.nanoTime() - verifying) / 1e9);
			this.report.fact("heapUsedBeforeIngestMb", heapBefore >> 20);
			this.report.fact("heapUsedAfterIngestMb", usedHeap() >> 20);
			this.report.fact("dependencyIndexBytes",
					service.getBean(DependencyIndex.class).read(g -> g.approximateBytes()).orElse(0L));
			Roots roots = Roots.choose(graph, floor);
			this.out.println("Roots: " + roots.describe());
			List<Engine> engines = List.of(serviceEngine, raw, floor);
			checkAgreement(engines, raw, roots);
			Map<String, List<String>> plans = raw.expertPlans();
			plans.forEach(
					(query, plan) -> this.out.println("Raw Cypher plan of " + query + ": " + String.join(" < ", plan)));
			this.report.fact("rawCypherPlans", plans);
			settle(service.getBean(DatabaseManagementService.class));
			onDisk(store);
			warmUpReadPath(serviceEngine, roots);
			time(engines, raw, roots);
			timeAssess(serviceEngine);
			mixedLoad(serviceEngine, graph, roots);
			otlpIngest(endpoint.resolve("/v1/traces"), apiKey);
			smallWrites(serviceEngine, graph, writeFloor);
		}
		finally {
			FileSystemUtils.deleteRecursively(store.toFile());
		}
		this.report.fact("totalSeconds", (System.nanoTime() - started) / 1e9);
		this.out.println();
		this.out.print(this.report.markdown());
		List<Path> written = this.report.write(this.options.out(), this.options.size());
		this.out.printf(Locale.ROOT, "%nWrote %s; the whole run took %s%n", written.get(0), seconds(started));
	}

	private ConfigurableApplicationContext start(Path store, String apiKey) {
		this.out.println("Starting Provenant in this process, embedded Neo4j in " + store);
		long phase = System.nanoTime();
		int pageCacheMb = (int) Math.max(512, Math.min(4096, this.options.decisions() / 100));
		// Command-line arguments outrank application.yaml (default properties would not).
		// The transaction limit is raised for the raw Cypher baselines: at L one closure
		// of millions of ids takes Cypher longer than the service's 30 s.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProvenantApplication.class)
			.logStartupInfo(false)
			.run("--server.port=0", "--spring.main.banner-mode=off", "--provenant.embedded.data-dir=" + store,
					"--provenant.embedded.bolt-port=" + freePort(), "--provenant.embedded.page-cache-mb=" + pageCacheMb,
					"--provenant.security.api-keys=bench:admin:" + apiKey,
					"--provenant.security.api-keys-file=" + store.resolve("api-keys"),
					"--provenant.security.rate-limit.requests=0", "--provenant.store.transaction-timeout=10m",
					"--logging.level.dev.provenant=WARN", "--logging.level.org.springframework=WARN",
					"--logging.level.org.apache=WARN");
		this.out.println("Provenant started in " + seconds(phase));
		return context;
	}

	private void ingest(SyntheticGraph graph, ServiceEngine service) {
		long phase = System.nanoTime();
		int upstream = service.ingest(graph.upstreamBatch());
		this.out.printf(Locale.ROOT, "Ingested %,d upstream records in %s%n", upstream, seconds(phase));
		ingestPhase("Ingest", "one writer", List.of(batches(graph, 0)), graph, service::ingest);
		ingestPhase("Ingest", "two writers", List.of(batches(graph, 1), batches(graph, 2)), graph, service::ingest);
	}

	/**
	 * The same batches as {@link #ingest}, by one writer and then two, created by Neo4j
	 * alone (see {@link WriteFloor}); removed again before the service ingests.
	 */
	private void writeFloor(SyntheticGraph graph, WriteFloor floor) {
		floor.create(graph.upstreamBatch());
		ingestPhase("Write floor", "one writer", List.of(batches(graph, 0)), graph, floor::create);
		ingestPhase("Write floor", "two writers", List.of(batches(graph, 1), batches(graph, 2)), graph, floor::create);
		long phase = System.nanoTime();
		floor.remove();
		this.out.println("Removed the write floor's records in " + seconds(phase));
	}

	/**
	 * Ingest as a share of the write floor, one writer each, and what a second writer
	 * adds to ingest.
	 */
	private void compareWithFloor() {
		double ingestOne = recordsPerSecond("ingest one writer");
		double ingestTwo = recordsPerSecond("ingest two writers");
		double floorOne = recordsPerSecond("write floor one writer");
		double floorTwo = recordsPerSecond("write floor two writers");
		this.report.fact("ingestToFloorOneWriter", ingestOne / floorOne);
		this.report.fact("ingestToFloorTwoWriters", ingestTwo / floorTwo);
		this.report.fact("ingestTwoWritersToOne", ingestTwo / ingestOne);
		String line = String.format(Locale.ROOT,
				"Ingest against the write floor: one writer %.2f× the floor (target ≥ 0.7), two writers %.2f× the "
						+ "floor; two writers %.2f× one (target ≥ 1.3; the floor's two writers %.2f× its one)",
				ingestOne / floorOne, ingestTwo / floorTwo, ingestTwo / ingestOne, floorTwo / floorOne);
		this.out.println(line);
		this.report.note(line);
	}

	private double recordsPerSecond(String phase) {
		return this.recordsPerSecond.get(phase);
	}

	/** A segment of the stream, cut into batches of 1,000 records. */
	private static List<int[]> batches(SyntheticGraph graph, int segment) {
		List<int[]> batches = new ArrayList<>();
		int end = graph.segmentPosition(segment + 1);
		for (int from = graph.segmentPosition(segment); from < end; from += BATCH_RECORDS) {
			batches.add(new int[] { from, Math.min(end, from + BATCH_RECORDS) });
		}
		return batches;
	}

	/**
	 * Each writer ingests its list in order; the lists are ingested side by side. Records
	 * are counted as the service reports them created; a writer that fails ends the run
	 * at once.
	 */
	private void ingestPhase(String what, String label, List<List<int[]>> perWriter, SyntheticGraph graph,
			java.util.function.ToLongFunction<Map<String, Object>> writer) {
		long phase = System.nanoTime();
		int writers = perWriter.size();
		int total = perWriter.stream().mapToInt(List::size).sum();
		List<Long> latencyList = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger done = new AtomicInteger();
		AtomicLong written = new AtomicLong();
		AtomicInteger decisions = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<Future<?>> running = new ArrayList<>();
		for (List<int[]> batches : perWriter) {
			running.add(pool.submit(() -> {
				for (int[] range : batches) {
					Map<String, Object> batch = graph.batch(range[0], range[1]);
					long start = System.nanoTime();
					written.addAndGet(writer.applyAsLong(batch));
					latencyList.add(System.nanoTime() - start);
					decisions.addAndGet(((List<?>) batch.get("decisions")).size());
					done.incrementAndGet();
				}
				return null;
			}));
		}
		try {
			awaitWriters(running, () -> this.out.printf(Locale.ROOT, "  %s (%s): %,d of %,d batches, %,.0f records/s%n",
					what.toLowerCase(Locale.ROOT), label, done.get(), total, written.get() / elapsed(phase)));
		}
		finally {
			pool.shutdownNow();
		}
		double secondsTaken = elapsed(phase);
		long records = written.get();
		Measurement batch = Measurement.ofNanos(latencyList.stream().mapToLong(Long::longValue).toArray());
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("writers", writers);
		figures.put("batches", total);
		figures.put("records", records);
		figures.put("recordsPerSecond", records / secondsTaken);
		figures.put("decisionsPerSecond", decisions.get() / secondsTaken);
		figures.put("batchP50Ms", batch.p50());
		figures.put("batchP99Ms", batch.p99());
		this.report.fact(what.toLowerCase(Locale.ROOT) + " " + label, figures);
		this.recordsPerSecond.put(what.toLowerCase(Locale.ROOT) + " " + label, records / secondsTaken);
		String line = String.format(Locale.ROOT,
				"%s, %s: %,d records in %.1f s: %,.0f records/s (%,.0f decisions/s with their actions and "
						+ "edges), batch of up to %,d p50 %s, p99 %s (%,d batches)",
				what, label, records, secondsTaken, records / secondsTaken, decisions.get() / secondsTaken,
				BATCH_RECORDS, BenchReport.milliseconds(batch.p50()), BenchReport.milliseconds(batch.p99()),
				batch.samples());
		this.out.println(line);
		this.report.note(line);
	}

	/**
	 * Waits for every writer, reporting progress now and then; the first writer to fail
	 * fails the run, without waiting for the others.
	 */
	private static void awaitWriters(List<Future<?>> writers, Runnable progress) {
		long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
		try {
			while (!writers.stream().allMatch(Future::isDone)) {
				Thread.sleep(100);
				for (Future<?> writer : writers) {
					if (writer.isDone()) {
						writer.get();
					}
				}
				if (System.nanoTime() >= nextReport) {
					nextReport += PROGRESS_EVERY.toNanos();
					progress.run();
				}
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while ingesting", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("ingest failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private static void awaitIndexBuilt(DependencyIndex index) {
		while (!index.ready()) {
			sleep(100);
		}
	}

	/** The index follows the ingest in the background; the first read waits for it. */
	private void waitForIndex(DependencyIndex index, ServiceEngine service) {
		long phase = System.nanoTime();
		while (!index.ready()) {
			sleep(100);
		}
		service.blastRadiusCount(SyntheticGraph.policy(0));
		this.out.println("Dependency index caught up in " + seconds(phase));
		this.report.fact("indexCatchUpSeconds", elapsed(phase));
	}

	private void checkAgreement(List<Engine> engines, CypherEngine raw, Roots roots) {
		long phase = System.nanoTime();
		int checks = new Agreement(engines.get(2), engines.subList(0, 2),
				Map.of("raw Cypher (naive)", raw::blastRadiusNaive))
			.check(roots);
		this.out.printf(Locale.ROOT, "The engines agree: %d checks in %s%n", checks, seconds(phase));
		this.report.fact("agreementChecks", checks);
	}

	/**
	 * Before the first row, the service answers lineages untimed for
	 * {@value #READ_PATH_WARM_UP} times {@code --warmup}. A fresh service keeps getting
	 * faster over its first minute of traffic, well past one query's warm-up, as the JVM
	 * compiles more of the request path (measured with {@code load}: lineage p50 7.3 ms
	 * in the first ten seconds, 4.0 to 4.6 ms from the fourth on); without this, the
	 * first rows, lineage at depth 3, were timed on a colder service than the rest. A
	 * service in production has been warm for hours.
	 */
	private void warmUpReadPath(ServiceEngine service, Roots roots) {
		long phase = System.nanoTime();
		long end = phase + this.options.warmUp().multipliedBy(READ_PATH_WARM_UP).toNanos();
		int[] depths = { 3, 5, 10 };
		int turn = 0;
		do {
			int depth = depths[turn % depths.length];
			service.lineage(roots.decisionRoots().get(turn % roots.decisionRoots().size()), depth);
			service.lineage(roots.actionRoots().get(turn % roots.actionRoots().size()), depth);
			turn++;
		}
		while (System.nanoTime() < end);
		this.out.printf(Locale.ROOT, "Warmed the read path up: %,d lineages, untimed, in %s%n", 2 * turn,
				seconds(phase));
		this.report.fact("readPathWarmUpSeconds", elapsed(phase));
	}

	private void time(List<Engine> engines, CypherEngine raw, Roots roots) {
		for (int depth : new int[] { 3, 5, 10 }) {
			timeLineage(engines, "lineage depth " + depth + ", decisions", roots.decisionRoots(), depth);
			timeLineage(engines, "lineage depth " + depth + ", actions", roots.actionRoots(), depth);
		}
		roots.closureRoots().forEach((label, root) -> {
			int size = engines.get(2).blastRadiusCount(root).total();
			row("blast radius count, " + label, size, engines, engine -> engine.blastRadiusCount(root));
			row("blast radius ids, " + label, size, engines, engine -> engine.blastRadius(root));
			rawOnlyRow("blast radius ids, " + label + ", naive Cypher (subquery per decision)", size,
					() -> raw.blastRadiusNaive(root));
			row("rollback scope, " + label, engines.get(2).rollback(root).size(), engines,
					engine -> engine.rollback(root));
		});
	}

	/** A row timed on the raw Cypher engine alone: a second, labelled baseline. */
	private void rawOnlyRow(String label, long size, java.util.function.Supplier<?> query) {
		this.out.printf(Locale.ROOT, "  timing %s (%,d)...%n", label, size);
		this.report.add(new Row(label, size, null,
				Measurement.of(query, this.options.runs(), this.options.warmUp(), this.options.budget()), null));
	}

	private void timeLineage(List<Engine> engines, String label, List<String> roots, int depth) {
		int[] turn = { 0 };
		long size = engines.get(2).lineage(roots.get(0), depth).size();
		row(label, size, engines, engine -> engine.lineage(roots.get(turn[0]++ % roots.size()), depth));
	}

	private void row(String label, long size, List<Engine> engines, java.util.function.Function<Engine, ?> query) {
		this.out.printf(Locale.ROOT, "  timing %s (%,d)...%n", label, size);
		Measurement[] measured = new Measurement[engines.size()];
		for (int i = 0; i < engines.size(); i++) {
			Engine engine = engines.get(i);
			measured[i] = Measurement.of(() -> query.apply(engine), this.options.runs(), this.options.warmUp(),
					this.options.budget());
		}
		this.report.add(new Row(label, size, measured[0], measured[1], measured[2]));
	}

	private void timeAssess(ServiceEngine service) {
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("id", "bench-proposal");
		decision.put("occurredAt", "2026-12-01T00:00:00Z");
		decision.put("outcome", "approve");
		decision.put("route", "AUTONOMOUS");
		decision.put("confidence", 0.9);
		decision.put("features", List.of(SyntheticGraph.feature(0), SyntheticGraph.feature(1),
				SyntheticGraph.feature(2), SyntheticGraph.feature(3)));
		decision.put("modelVersion", SyntheticGraph.model(0));
		decision.put("promptVersion", SyntheticGraph.prompt(0));
		decision.put("policy", SyntheticGraph.policy(0));
		this.out.println("  timing assess...");
		this.report.add(new Row("assess (a fresh decision)", 1L, Measurement.of(() -> service.assess(decision),
				this.options.runs() * 5, this.options.warmUp(), this.options.budget()), null, null));
	}

	/**
	 * Agents recording themselves over OTLP, last so that its decisions change no other
	 * figure: one sender, then four, each request 64 traces (448 spans, near the 512 SDK
	 * exporters send).
	 */
	private void otlpIngest(URI traces, String apiKey) {
		OtlpLoad load = new OtlpLoad(traces, apiKey, this.options.seed());
		int requests = Math.max(2, Math.min(20, this.options.decisions() / 2_000));
		for (int senders : List.of(1, 4)) {
			this.out.printf(Locale.ROOT, "  OTLP ingest, %d sender(s)...%n", senders);
			OtlpLoad.Result result = load.run(senders, requests, 64);
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("senders", senders);
			figures.put("requests", result.requests());
			figures.put("spans", result.spans());
			figures.put("spansPerSecond", result.spansPerSecond());
			figures.put("decisionsPerSecond", result.decisionsPerSecond());
			figures.put("requestP50Ms", result.request().p50());
			figures.put("requestP99Ms", result.request().p99());
			this.report.fact("otlp ingest " + senders, figures);
			String line = String.format(Locale.ROOT,
					"OTLP ingest, %d sender(s): %,d spans in %.1f s: %,.0f spans/s, %,.0f decisions/s (each with 2 "
							+ "actions, a model call, a retrieval and a database read), request of %d spans p50 %s, "
							+ "p99 %s (%,d requests)",
					senders, result.spans(), result.seconds(), result.spansPerSecond(), result.decisionsPerSecond(),
					64 * OtlpLoad.SPANS_PER_TRACE, BenchReport.milliseconds(result.request().p50()),
					BenchReport.milliseconds(result.request().p99()), result.requests());
			this.out.println(line);
			this.report.note(line);
		}
	}

	/**
	 * Agents recording one decision (and its two actions) per request, from 1, 8 and 32
	 * writers, each for the budget of one query (at most 15 s); then the same requests
	 * created by Neo4j alone, one transaction each (the small-write floor), and the same
	 * number of clients as the middle row sending empty requests, the ceiling of the HTTP
	 * and GraphQL stack on this machine. A writer that fails fails the run.
	 */
	private void smallWrites(ServiceEngine service, SyntheticGraph graph, WriteFloor floor) {
		SmallWrites load = new SmallWrites(service, this.options.seed());
		Duration each = (this.options.budget().compareTo(Duration.ofSeconds(15)) < 0) ? this.options.budget()
				: Duration.ofSeconds(15);
		List<Integer> writerCounts = List.of(1, 8, 32);
		Map<Integer, Double> servicePerSecond = new LinkedHashMap<>();
		load.writes(2, this.options.warmUp());
		for (int writers : writerCounts) {
			this.out.printf(Locale.ROOT, "  small writes, %d writer(s)...%n", writers);
			SmallWrites.Result result = load.writes(writers, each);
			servicePerSecond.put(writers, result.decisionsPerSecond());
			smallWriteRow("small writes " + writers, "Small writes", writers, result);
		}
		this.out.printf(Locale.ROOT, "  the audit log verifies after the small writes (%,d events)%n",
				service.verifyAuditLog());
		// After the verification: the floor's records are in no proof, and are removed
		// again.
		floor.create(graph.upstreamBatch());
		load.floorWrites(2, this.options.warmUp(), floor);
		Map<String, Object> ratios = new LinkedHashMap<>();
		for (int writers : writerCounts) {
			this.out.printf(Locale.ROOT, "  small-write floor, %d writer(s)...%n", writers);
			SmallWrites.Result result = load.floorWrites(writers, each, floor);
			smallWriteRow("small write floor " + writers, "Small-write floor (Neo4j alone, a transaction each)",
					writers, result);
			ratios.put(Integer.toString(writers), servicePerSecond.get(writers) / result.decisionsPerSecond());
		}
		floor.remove();
		this.report.fact("smallWritesToFloor", ratios);
		String against = String.format(Locale.ROOT,
				"Small writes against their floor: 1 writer %.2f×, 8 writers %.2f×, 32 writers %.2f× the decisions/s "
						+ "Neo4j alone gives the same requests",
				ratios.values().toArray());
		this.out.println(against);
		this.report.note(against);
		SmallWrites.Result empty = load.emptyRequests(8, each);
		this.report.fact("empty requests 8", smallWriteFigures(empty));
		String line = String.format(Locale.ROOT,
				"Empty GraphQL requests ({ __typename }), 8 clients: %,.0f requests/s, p50 %s, p99 %s (%,d "
						+ "requests): the most any request reaches through this HTTP and GraphQL stack here",
				empty.requestsPerSecond(), BenchReport.milliseconds(empty.request().p50()),
				BenchReport.milliseconds(empty.request().p99()), empty.requests());
		this.out.println(line);
		this.report.note(line);
	}

	private void smallWriteRow(String fact, String label, int writers, SmallWrites.Result result) {
		this.report.fact(fact, smallWriteFigures(result));
		String line = String.format(Locale.ROOT,
				"%s, %d writer(s): %,d decisions in %.1f s: %,.0f decisions/s (one decision and two actions per "
						+ "request), request p50 %s, p99 %s (%,d requests)",
				label, writers, result.decisions(), result.seconds(), result.decisionsPerSecond(),
				BenchReport.milliseconds(result.request().p50()), BenchReport.milliseconds(result.request().p99()),
				result.requests());
		this.out.println(line);
		this.report.note(line);
	}

	private static Map<String, Object> smallWriteFigures(SmallWrites.Result result) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("clients", result.clients());
		figures.put("requests", result.requests());
		figures.put("seconds", result.seconds());
		figures.put("requestsPerSecond", result.requestsPerSecond());
		figures.put("decisionsPerSecond", result.decisionsPerSecond());
		figures.put("requestP50Ms", result.request().p50());
		figures.put("requestP99Ms", result.request().p99());
		return figures;
	}

	/**
	 * Reads (lineage at depth 5 and a model version's blast radius count) alone, then
	 * while one writer keeps ingesting new decisions; the run fails if the writer does.
	 */
	private void mixedLoad(ServiceEngine service, SyntheticGraph graph, Roots roots) {
		Random random = new Random(this.options.seed());
		List<String> decisions = roots.decisionRoots();
		String model = roots.closureRoots().get("model version");
		java.util.function.Supplier<Object> read = () -> (random.nextBoolean())
				? service.lineage(decisions.get(random.nextInt(decisions.size())), 5) : service.blastRadiusCount(model);
		int samples = Math.max(Measurement.SAMPLES_FOR_P99, this.options.runs() * 2);
		this.out.println("  timing reads alone, then under ingest...");
		MixedLoad.Result mixed = new MixedLoad(read, samples, this.options.warmUp(), this.options.budget())
			.run(mixedLoadWriter(service, graph));
		this.report.add(new Row("mixed: reads alone (lineage depth 5 / model version blast radius count)", null,
				mixed.alone(), null, null));
		this.report.add(new Row("mixed: the same reads while one writer ingests", null, mixed.loaded(), null, null));
		this.report.fact("mixedLoadIngestBatches", mixed.batches());
		this.report.fact("mixedLoadIngestRecords", mixed.records());
		this.report.fact("mixedLoadIngestRecordsPerSecond", mixed.recordsPerSecond());
		this.report.fact("mixedLoadReadP99Ratio", mixed.p99Ratio());
		String line = String.format(Locale.ROOT,
				"Mixed load: read p99 %s alone (%,d reads), %s while ingesting %,.0f records/s (%,d records "
						+ "in %,d batches; %,d reads): %s×",
				BenchReport.milliseconds(mixed.alone().p99()), mixed.alone().samples(),
				BenchReport.milliseconds(mixed.loaded().p99()), mixed.recordsPerSecond(), mixed.records(),
				mixed.batches(), mixed.loaded().samples(), (mixed.p99Ratio() == null) ? BenchReport.NOT_AVAILABLE
						: String.format(Locale.ROOT, "%.1f", mixed.p99Ratio()));
		this.out.println(line);
		this.report.note(line);
	}

	/**
	 * Batches of the generated stream again under new ids; a renamed batch drops the
	 * actions whose decision lies outside it, so it holds fewer than 1,000 records, and
	 * the records counted are those the service reports created.
	 */
	private static MixedLoad.Writer mixedLoadWriter(ServiceEngine service, SyntheticGraph graph) {
		return (round) -> {
			int from = (round * BATCH_RECORDS) % Math.max(1, graph.recordCount() - BATCH_RECORDS);
			int to = Math.min(graph.recordCount(), from + BATCH_RECORDS);
			return service.ingest(Renamed.batch(graph.batch(from, to), "mix" + round + "-"));
		};
	}

	/**
	 * Before the timed reads: a checkpoint, so that the one Neo4j starts every 15 minutes
	 * does not flush the ingest's pages in the middle of them, and a full collection.
	 * (Community Neo4j has no {@code db.checkpoint()} procedure; the embedded store's
	 * check-pointer is called directly.)
	 */
	private void settle(DatabaseManagementService neo4j) {
		long phase = System.nanoTime();
		var database = (GraphDatabaseAPI) neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		try {
			database.getDependencyResolver()
				.resolveDependency(CheckPointer.class)
				.forceCheckPoint(new SimpleTriggerInfo("benchmark, before timing"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The checkpoint before timing failed", ex);
		}
		System.gc();
		this.out.println("Settled before timing (a checkpoint and a full collection) in " + seconds(phase));
	}

	/**
	 * The store's size on disk after the ingest, and its transaction logs' apart (they
	 * hold every write since the store was made, the write floor's too). Taken after the
	 * checkpoint: before it, most of the store is still only in the page cache and the
	 * logs.
	 */
	private void onDisk(Path store) {
		long storeBytes = directoryBytes(store.resolve("data/databases/neo4j"));
		long logBytes = directoryBytes(store.resolve("data/transactions/neo4j"));
		this.report.fact("storeBytes", storeBytes);
		this.report.fact("transactionLogBytes", logBytes);
		String line = String.format(Locale.ROOT,
				"On disk after the ingest: the store %,d MiB, its transaction logs %,d MiB", storeBytes >> 20,
				logBytes >> 20);
		this.out.println(line);
		this.report.note(line);
	}

	private static long directoryBytes(Path directory) {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (var files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					// a file Neo4j removed meanwhile
					return 0;
				}
			}).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot measure " + directory, ex);
		}
	}

	private static long usedHeap() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static Path temporaryStore() {
		try {
			return Files.createTempDirectory("provenant-bench-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double elapsed(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static String seconds(long since) {
		return String.format(Locale.ROOT, "%.1f s", elapsed(since));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
