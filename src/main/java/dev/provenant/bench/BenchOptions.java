package dev.provenant.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The bench command's options.
 *
 * @param size the label of the size run (S, M or a decision count)
 * @param decisions how many decisions to generate (actions are about 1.5 per decision)
 * @param seed the generator's seed: the same seed gives the same graph
 * @param runs timed runs per query and engine, after the warm-up and within the budget: a
 * p99 is reported only from {@link Measurement#SAMPLES_FOR_P99} runs
 * @param warmUp how long each query and engine runs untimed first (and at least twice),
 * so that it is timed with its code compiled and its data cached
 * @param budget the most time one query and engine is timed for, whatever runs remain
 * @param out where the JSON report is written
 */
record BenchOptions(String size, int decisions, long seed, int runs, Duration warmUp, Duration budget, Path out) {

	static final int SMALL = 40_000;

	static final int MEDIUM = 400_000;

	static final int LARGE = 2_000_000;

	static final String USAGE = """
			Usage: java -jar provenant.jar bench [options]

			Generates a seeded synthetic provenance graph, starts Provenant in this process (embedded
			Neo4j in a temporary directory), ingests the graph through the GraphQL API, checks that the
			service, raw Cypher and an in-memory floor give the same answers, then times them.

			  --size S|M|L        S: 40,000 decisions (~100k nodes, ~500k edges);
			                      M: 400,000 decisions (~1M nodes, ~5M edges);
			                      L: 2,000,000 decisions (~5M nodes, ~26M edges). Default S.
			  --decisions N       any other number of decisions (actions are ~1.5 per decision)
			  --seed N            generator seed (default 42)
			  --runs N            timed runs per query and engine, after the warm-up (default 100);
			                      p99 is reported only from 100 runs, as n/a below
			  --warmup SECONDS    untimed runs first, per query and engine, for this long and at
			                      least twice (default 2); before the first row, the service's
			                      read path is warmed for 15 times as long
			  --budget SECONDS    at most this long per query and engine (default 20; at least 3 runs),
			                      so a slow query may stop short of --runs
			  --out DIR           where to write the JSON report (default target/bench)
			  --help              this text

			java -jar provenant.jar bench plot RUN.json [RUN.json...] --out PLOT.png
			  draws time and memory against size from the JSON of runs at several sizes.
			""";

	static boolean asksForHelp(List<String> arguments) {
		return arguments.contains("--help") || arguments.contains("-h");
	}

	static BenchOptions parse(List<String> arguments) {
		String size = "S";
		int decisions = SMALL;
		long seed = 42;
		int runs = Measurement.SAMPLES_FOR_P99;
		Duration warmUp = Duration.ofSeconds(2);
		Duration budget = Duration.ofSeconds(20);
		Path out = Path.of("target", "bench");
		for (int i = 0; i < arguments.size(); i++) {
			String option = arguments.get(i);
			String value = (i + 1 < arguments.size()) ? arguments.get(i + 1) : null;
			if (value == null) {
				throw new IllegalArgumentException("Option " + option + " needs a value");
			}
			switch (option) {
				case "--size" -> {
					size = value.toUpperCase(java.util.Locale.ROOT);
					decisions = switch (size) {
						case "S" -> SMALL;
						case "M" -> MEDIUM;
						case "L" -> LARGE;
						default -> throw new IllegalArgumentException("--size is S, M or L, not " + value);
					};
				}
				case "--decisions" -> {
					decisions = positive(option, value);
					size = Integer.toString(decisions);
				}
				case "--seed" -> seed = Long.parseLong(value);
				case "--runs" -> runs = positive(option, value);
				case "--warmup" -> warmUp = Duration.ofSeconds(atLeastZero(option, value));
				case "--budget" -> budget = Duration.ofSeconds(positive(option, value));
				case "--out" -> out = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
			i++;
		}
		return new BenchOptions(size, decisions, seed, runs, warmUp, budget, out);
	}

	private static int atLeastZero(String option, String value) {
		return (value.equals("0")) ? 0 : positive(option, value);
	}

	private static int positive(String option, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
	}

}
