package dev.provenant.load;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar provenant.jar load ...}: sets up an upstream graph and some decisions
 * under a prefix unique to the run, drives the workload for the given time, and reports.
 * It talks to the service over HTTP only, so it measures what a caller sees.
 */
public final class LoadCommand {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private final ProvenantClient client;

	private final LoadOptions options;

	private final PrintStream out;

	LoadCommand(ProvenantClient client, LoadOptions options, PrintStream out) {
		this.client = client;
		this.options = options;
		this.out = out;
	}

	/**
	 * Runs the command with the arguments that follow {@code load}.
	 * @return the exit status: 0 when no request failed, 1 otherwise (bad arguments
	 * included)
	 */
	public static int run(String... args) {
		List<String> arguments = List.of(args);
		if (LoadOptions.asksForHelp(arguments)) {
			System.out.print(LoadOptions.USAGE);
			return 0;
		}
		LoadOptions options;
		try {
			options = LoadOptions.parse(arguments, System.getenv());
		}
		catch (InvalidOption ex) {
			System.err.println(ex.getMessage());
			System.err.println("See: java -jar provenant.jar load --help");
			return 1;
		}
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(CONNECT_TIMEOUT)
			.build();
		ProvenantClient client = new ProvenantClient(http, JsonMapper.builder().build(), options.urls(),
				options.apiKey(), options.requestTimeout());
		return new LoadCommand(client, options, System.out).execute();
	}

	int execute() {
		Random random = ThreadLocalRandom.current();
		UpstreamGraph upstream = UpstreamGraph.forRun(runPrefix(random));
		Workload workload = new Workload(upstream, this.options.ingestShare(), this.options.batchSize());
		this.out.printf(Locale.ROOT,
				"Load on %s: %d clients for %d s, ingest share %.2f, batches of %d decisions," + " ids under '%s'%n",
				this.client.endpoint(), this.options.clients(), this.options.duration().toSeconds(),
				this.options.ingestShare(), this.options.batchSize(), upstream.prefix());
		long setupStart = System.nanoTime();
		if (!setUp(upstream, workload, random)) {
			return 1;
		}
		this.out.printf(Locale.ROOT, "Set up %d upstream nodes and %d decisions in %d ms%n", upstream.nodeCount(),
				this.options.seedDecisions(), Duration.ofNanos(System.nanoTime() - setupStart).toMillis());
		Tally tally = new Tally();
		Duration elapsed;
		try {
			elapsed = new LoadRun(this.client, workload, tally).run(this.options.duration(), this.options.clients(),
					this.out);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.out.println("Interrupted");
			return 1;
		}
		this.out.print(LoadReport.table(tally, elapsed, this.options.batchSize()));
		this.out.print(LoadReport.errors(tally));
		return (tally.errors() == 0) ? 0 : 1;
	}

	/** Not measured: records the upstream graph, then the seed decisions. */
	private boolean setUp(UpstreamGraph upstream, Workload workload, Random random) {
		Reply reply = this.client.send(new GraphQlRequest(Documents.INGEST, Map.of("batch", upstream.batch())));
		if (!reply.succeeded()) {
			return refused("the upstream graph", reply);
		}
		for (int seeded = 0; seeded < this.options.seedDecisions(); seeded += this.options.batchSize()) {
			Step step = workload.ingest(random,
					Math.min(this.options.batchSize(), this.options.seedDecisions() - seeded));
			reply = this.client.send(step.request());
			if (!reply.succeeded()) {
				return refused("the seed decisions", reply);
			}
			workload.recorded(step);
		}
		return true;
	}

	private boolean refused(String what, Reply reply) {
		this.out.println("Could not record " + what + ": " + reply.firstError());
		String hint = hint(reply.status());
		if (hint != null) {
			this.out.println(hint);
		}
		return false;
	}

	/** What a failed setup most likely means, by HTTP status. */
	static String hint(int status) {
		return switch (status) {
			case 0 -> "Is Provenant running there? Check --url.";
			case 401 -> "The service did not accept the API key; check --api-key.";
			case 403 -> "The key's principal needs the roles writer and reader (an admin key has both).";
			case Reply.TOO_MANY_REQUESTS -> LoadReport.RATE_LIMIT_HINT;
			default -> null;
		};
	}

	/**
	 * A prefix for every id of the run, so that runs against the same store never
	 * collide.
	 */
	private static String runPrefix(Random random) {
		return "load-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + ":";
	}

}
