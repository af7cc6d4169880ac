package dev.provenant.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a load run does, as given on the command line ({@code --name value} or
 * {@code --name=value}).
 *
 * @param urls the service's base URLs, taken in turn by every request (instances behind
 * no load balancer); requests go to {@code /graphql} under each
 * @param apiKey sent as {@code X-API-Key}; its principal needs the writer and reader
 * roles, and governor for the setup's policy and approver (or admin)
 * @param duration how long the measured phase runs, after setup
 * @param clients concurrent clients, each waiting for its answer before the next request
 * @param ingestShare the fraction of requests that ingest; the rest are queries
 * @param batchSize decisions per ingest batch (each with two actions)
 * @param seedDecisions decisions ingested during setup, so queries have targets from the
 * first second
 * @param requestTimeout how long one request may take before it counts as an error
 */
record LoadOptions(List<URI> urls, String apiKey, Duration duration, int clients, double ingestShare, int batchSize,
		int seedDecisions, Duration requestTimeout) {

	/** The environment variable read when {@code --api-key} is not given. */
	static final String API_KEY_VARIABLE = "PROVENANT_KEY";

	static final String USAGE = """
			Usage: java -jar provenant.jar load --api-key KEY [options]

			Drives a mix of ingest and queries against a running Provenant for a set time and
			reports throughput, p50/p99 latency and errors. Exits 0 when no request failed, 1 otherwise.

			  --url URL[,URL...]     the service (default http://localhost:8080); several instances'
			                         URLs are taken in round robin, each client sending back the
			                         consistency token of its last write (read-your-writes)
			  --api-key KEY          an API key with roles writer and reader, e.g. an admin key
			                         (default: the PROVENANT_KEY environment variable)
			  --duration TIME        how long to run, e.g. 60s, 5m, 1500ms (default 60s)
			  --clients N            concurrent clients (default 8)
			  --ingest-share F       fraction of requests that ingest, 0..1 (default 0.2)
			  --batch-size N         decisions per ingest batch, each with 2 actions (default 10)
			  --seed-decisions N     decisions ingested before the clock starts (default 100)
			  --request-timeout TIME how long one request may take (default 30s)
			  --help                 this text

			Start the service with --provenant.security.rate-limit.requests=0 (or a higher limit):
			the default of 300 requests per second per principal would otherwise refuse the load.
			""";

	private static final Pattern TIME = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

	private static final List<String> NAMES = List.of("url", "api-key", "duration", "clients", "ingest-share",
			"batch-size", "seed-decisions", "request-timeout");

	/** Beyond this, one batch would exceed the service's default batch size limit. */
	static final int MAX_BATCH_SIZE = 3000;

	/**
	 * Reads the arguments that follow {@code load}.
	 * @param environment where {@link #API_KEY_VARIABLE} is looked up
	 * @throws InvalidOption naming the argument and what is expected instead
	 */
	static LoadOptions parse(List<String> args, Map<String, String> environment) {
		Map<String, String> given = named(args);
		String apiKey = given.getOrDefault("api-key", environment.get(API_KEY_VARIABLE));
		if (apiKey == null || apiKey.isBlank()) {
			throw new InvalidOption("--api-key is required (or set " + API_KEY_VARIABLE
					+ "): a key with roles writer and reader, e.g. an admin key");
		}
		return new LoadOptions(urls(given.getOrDefault("url", "http://localhost:8080")), apiKey,
				time("duration", given.getOrDefault("duration", "60s")),
				count("clients", given.getOrDefault("clients", "8"), 1, 1024),
				share(given.getOrDefault("ingest-share", "0.2")),
				count("batch-size", given.getOrDefault("batch-size", "10"), 1, MAX_BATCH_SIZE),
				count("seed-decisions", given.getOrDefault("seed-decisions", "100"), 0, 1_000_000),
				time("request-timeout", given.getOrDefault("request-timeout", "30s")));
	}

	/** Whether the arguments ask for the usage text instead of a run. */
	static boolean asksForHelp(List<String> args) {
		return args.contains("--help") || args.contains("-h");
	}

	private static Map<String, String> named(List<String> args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				throw new InvalidOption("Unexpected argument '" + arg + "': options start with --, see --help");
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (!NAMES.contains(name)) {
				throw new InvalidOption("Unknown option --" + name + "; known: --" + String.join(", --", NAMES));
			}
			if (value == null) {
				if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
					throw new InvalidOption("--" + name + " needs a value");
				}
				value = args.get(++i);
			}
			if (given.put(name, value) != null) {
				throw new InvalidOption("--" + name + " is given twice");
			}
		}
		return given;
	}

	private static List<URI> urls(String value) {
		List<URI> urls = new java.util.ArrayList<>();
		for (String one : value.split(",")) {
			if (!one.isBlank()) {
				urls.add(url(one.strip()));
			}
		}
		if (urls.isEmpty()) {
			throw new InvalidOption("--url '" + value + "' names no URL, e.g. http://localhost:8080");
		}
		return List.copyOf(urls);
	}

	private static URI url(String value) {
		try {
			URI uri = new URI(value);
			boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
			if (!web || uri.getHost() == null) {
				throw new InvalidOption("--url '" + value + "' is not an http(s) URL, e.g. http://localhost:8080");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidOption("--url '" + value + "' is not a URL: " + ex.getReason());
		}
	}

	/** A whole number with a unit: ms, s, m or h. */
	static Duration time(String name, String value) {
		Matcher matcher = TIME.matcher(value.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new InvalidOption("--" + name + " '" + value + "' is not a time: give a whole number and a unit"
					+ " (ms, s, m or h), e.g. 60s");
		}
		// At most nine digits, so even hours fit a Duration.
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
		if (duration.isZero()) {
			throw new InvalidOption("--" + name + " must be longer than zero");
		}
		return duration;
	}

	private static int count(String name, String value, int min, int max) {
		int count;
		try {
			count = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidOption("--" + name + " '" + value + "' is not a whole number");
		}
		if (count < min || count > max) {
			throw new InvalidOption("--" + name + " must be between " + min + " and " + max + ", not " + count);
		}
		return count;
	}

	private static double share(String value) {
		double share;
		try {
			share = Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidOption("--ingest-share '" + value + "' is not a number; give a fraction such as 0.2");
		}
		if (!(share >= 0 && share <= 1)) {
			throw new InvalidOption("--ingest-share must be between 0 and 1, not " + value);
		}
		return share;
	}

}
