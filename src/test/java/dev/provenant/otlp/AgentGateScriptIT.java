package dev.provenant.otlp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate of examples/agent-gate, run by Python as the example agent runs it:
 * Provenant's own route when it answers, and HUMAN_REVIEW — failed closed — when it is
 * unreachable, refuses the key, or answers later than the agent waits.
 */
class AgentGateScriptIT extends GraphQlIT {

	private static final Path EXAMPLE = Path.of("examples/agent-gate").toAbsolutePath();

	@Test
	void theGateTakesProvenantsRouteWhenItAnswers() throws Exception {
		String confident = gate("http://127.0.0.1:" + this.port, TestKeys.ADMIN, 0.99, 5);
		String expected = this.graphQl.document("""
				query($d: DecisionInput!) { assess(decision: $d) { route } }""")
			.variable("d",
					java.util.Map.of("id", id("gate"), "occurredAt", "2026-11-20T11:00:00Z", "outcome", "refund",
							"confidence", 0.99, "route", "AUTONOMOUS"))
			.execute()
			.path("assess.route")
			.entity(String.class)
			.get();
		assertThat(confident).isEqualTo(expected + " closed=False");
	}

	@Test
	void anUnreachableOrRefusingProvenantRoutesToHumanReview() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(gate("http://127.0.0.1:" + closedPort, TestKeys.WRITER, 0.99, 5))
			.isEqualTo("HUMAN_REVIEW closed=True");
		assertThat(gate("http://127.0.0.1:" + this.port, "not-a-key", 0.99, 5)).isEqualTo("HUMAN_REVIEW closed=True");
	}

	@Test
	void aProvenantThatDoesNotAnswerInTimeRoutesToHumanReviewWithinTheTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0)) {
			List<Socket> held = new ArrayList<>();
			Thread accepting = new Thread(() -> {
				try {
					while (true) {
						held.add(silent.accept());
					}
				}
				catch (IOException ex) {
					// closed
				}
			});
			accepting.start();
			long started = System.nanoTime();
			assertThat(gate("http://127.0.0.1:" + silent.getLocalPort(), TestKeys.WRITER, 0.99, 0.5))
				.isEqualTo("HUMAN_REVIEW closed=True");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	private String gate(String url, String key, double confidence, double timeout) throws Exception {
		String script = String.join("\n", "import gate",
				"v = gate.assess('" + url + "', '" + key + "', {'id': '" + id("gate")
						+ "', 'occurredAt': '2026-11-20T11:00:00Z', 'outcome': 'refund', 'confidence': " + confidence
						+ ", 'route': 'AUTONOMOUS'}, " + timeout + ")",
				"print(v.route, 'closed=' + str(v.failed_closed))");
		Process process = new ProcessBuilder("python3", "-c", script).directory(EXAMPLE.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
