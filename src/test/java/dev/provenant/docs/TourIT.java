package dev.provenant.docs;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.provenant.docs.DocumentedExchanges.Exchange;
import dev.provenant.support.PackagedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's first start and the tour, as a new user runs them: the packaged jar on an
 * empty store with nothing configured, the admin key found in its log with the README's
 * command, then every command of docs/tour.md, docs/audit.md and docs/opentelemetry.md
 * run by bash in one session (so an instant one command prints can be used by the next),
 * each answer shown there compared with the answer given, modulo the times and hashes
 * every run makes anew. A page whose example stops working fails the build.
 */
class TourIT {

	private static final String END_OF_ANSWER = "---- end of answer ----";

	private static final List<String> PAGES = List.of("docs/tour.md", "docs/audit.md", "docs/opentelemetry.md");

	private static PackagedService service;

	private static Path workDir;

	@BeforeAll
	static void startAsANewUserWould() throws Exception {
		Path store = Files.createTempDirectory("provenant-tour-").resolve("data");
		workDir = Files.createTempDirectory("provenant-tour-reader-");
		// The pages' commands run in the repository's root and read the files they name
		// there.
		Files.createDirectories(workDir.resolve("docs/opentelemetry"));
		Files.copy(Path.of("docs/opentelemetry/refund-trace.json"),
				workDir.resolve("docs/opentelemetry/refund-trace.json"));
		service = PackagedService.start(store, "unused", List.of("-Xmx1g"), "--provenant.security.api-keys=");
		service.awaitReady(HttpClient.newHttpClient());
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (service != null) {
			service.stop();
		}
	}

	@Test
	void theFirstStartLogsWhatTheReadmeShowsAndItsCommandFindsTheKey() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		String log = service.log();
		for (String shown : DocumentedExchanges.logLines(readme)) {
			assertThat(log.lines().anyMatch(line -> LogLines.shows(line, shown)))
				.as("the README shows the startup log line \"%s\", which the service does not print", shown)
				.isTrue();
		}
		String key = adminKey(readme);
		assertThat(key).startsWith("pvn_").hasSizeGreaterThan(40);
	}

	@Test
	void everyCommandOfTheTourAnswersAsShown() throws Exception {
		String key = adminKey(Files.readString(Path.of("README.md")));
		List<Exchange> exchanges = new ArrayList<>();
		List<String> where = new ArrayList<>();
		StringBuilder script = new StringBuilder(prelude(key));
		for (String page : PAGES) {
			for (Exchange exchange : DocumentedExchanges.of(Files.readString(Path.of(page))).exchanges()) {
				script.append("echo '").append(blockMarker(exchanges.size())).append("'\n");
				script.append(exchange.commands()).append('\n');
				exchanges.add(exchange);
				where.add(page + ":" + exchange.line());
			}
		}
		script.append("echo '").append(blockMarker(exchanges.size())).append("'\n");
		assertThat(exchanges).as("the pages show commands").hasSizeGreaterThan(10);
		String output = bash(script.toString(), key);
		int compared = 0;
		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < exchanges.size(); i++) {
			Exchange exchange = exchanges.get(i);
			if (exchange.answer() == null) {
				continue;
			}
			String answer = lastAnswer(between(output, blockMarker(i), blockMarker(i + 1)));
			List<String> differences = JsonAnswers.differences(exchange.answer(), answer);
			if (!differences.isEmpty()) {
				wrong.add(where.get(i) + " answers differently than shown: " + differences + "\nShown:\n"
						+ exchange.answer() + "\nGot:\n" + answer);
			}
			compared++;
		}
		assertThat(wrong).as("examples that no longer answer as shown").isEmpty();
		assertThat(compared).as("answers compared").isGreaterThan(10);
	}

	/** The key, found as the README says, with the command it shows. */
	private static String adminKey(String readme) throws Exception {
		String command = readme.lines()
			.filter(line -> line.contains("grep") && line.contains("PROVENANT_KEY"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The README does not say how to find the generated key with grep"));
		String grep = command.substring(command.indexOf("grep"),
				command.lastIndexOf("provenant.log") + "provenant.log".length());
		Files.copy(service.logFile(), workDir.resolve("provenant.log"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String found = bash(grep, null).strip();
		assertThat(found).as("the README's grep finds the export line").startsWith("export PROVENANT_KEY=pvn_");
		return found.substring("export PROVENANT_KEY=".length());
	}

	/**
	 * A curl that reaches this test's service where the pages say localhost:8080, and
	 * ends each answer with a line of its own (curl -s prints none).
	 */
	private static String prelude(String key) {
		return "export PROVENANT_KEY='" + key + "'\n" + "curl() {\n" + "  local args=()\n"
				+ "  for a in \"$@\"; do args+=(\"${a//localhost:8080/127.0.0.1:" + service.port + "}\"); done\n"
				+ "  command curl --max-time 60 \"${args[@]}\"\n" + "  local status=$?\n" + "  printf '\\n%s\\n' '"
				+ END_OF_ANSWER + "'\n" + "  return $status\n" + "}\n";
	}

	private static String bash(String script, String key) throws IOException, InterruptedException {
		Path file = Files.createTempFile(workDir, "commands-", ".sh");
		Files.writeString(file, script, StandardCharsets.UTF_8);
		ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(workDir.toFile())
			.redirectErrorStream(true);
		builder.environment().remove("PROVENANT_KEY");
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("The commands did not finish within 5 minutes");
		}
		return new String(out, StandardCharsets.UTF_8);
	}

	private static String blockMarker(int index) {
		return "---- block " + index + " ----";
	}

	private static String between(String output, String from, String to) {
		int start = output.indexOf(from);
		int end = output.indexOf(to, start);
		if (start < 0 || end < 0) {
			fail("The commands' output is cut short:\n" + output);
		}
		return output.substring(start + from.length(), end);
	}

	private static String lastAnswer(String block) {
		String[] answers = block.split("\\n" + java.util.regex.Pattern.quote(END_OF_ANSWER) + "\\n");
		for (int i = answers.length - 1; i >= 0; i--) {
			if (!answers[i].isBlank()) {
				return answers[i].strip();
			}
		}
		return "";
	}

}
