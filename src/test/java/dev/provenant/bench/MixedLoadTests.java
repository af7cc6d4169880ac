package dev.provenant.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The mixed load's writer, through its seam: a writer that fails fails the run instead of
 * leaving the reads to be timed alone, and records are counted as written.
 */
class MixedLoadTests {

	private static final Duration BUDGET = Duration.ofSeconds(20);

	private final MixedLoad load = new MixedLoad(() -> pause(1), 50, Duration.ZERO, BUDGET);

	@Test
	void aWriterThatFailsFailsTheRunAtOnceWithItsReason() {
		AtomicBoolean writing = new AtomicBoolean();
		// alone, the reads are instant; under ingest, 100,000 of them would outlast the
		// budget
		MixedLoad manyReads = new MixedLoad(() -> writing.get() ? pause(1) : null, 100_000, Duration.ZERO, BUDGET);
		long started = System.nanoTime();
		assertThatIllegalStateException().isThrownBy(() -> manyReads.run((round) -> {
			writing.set(true);
			if (round == 2) {
				throw new IllegalStateException("The service refused a benchmark request (HTTP 500)");
			}
			pause(5);
			return 900;
		}))
			.withMessageStartingWith("The writer ingesting during the reads under ingest failed after 2 batches")
			.withMessageEndingWith("The service refused a benchmark request (HTTP 500)")
			.havingCause()
			.withMessage("The service refused a benchmark request (HTTP 500)");
		// the reads under ingest stop at the failure instead of running out their budget
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET.dividedBy(2));
	}

	@Test
	void aWriterThatFailsInItsFirstBatchFailsTheRun() {
		assertThatIllegalStateException().isThrownBy(() -> this.load.run((round) -> {
			throw new IllegalStateException("No answer from the service");
		})).withMessageContaining("failed after 0 batches").withMessageContaining("No answer from the service");
	}

	@Test
	void aWriterThatFailsInTheBatchInFlightWhenTheReadsEndFailsTheRun() {
		assertThatIllegalStateException().isThrownBy(() -> this.load.run((round) -> {
			// the 50 reads take about 50 ms; this batch outlasts them
			pause(500);
			throw new IllegalStateException("Interrupted while waiting for the service");
		})).withMessageContaining("Interrupted while waiting for the service");
	}

	@Test
	void recordsAreCountedAsTheWriterReportsThemWritten() {
		MixedLoad.Result result = this.load.run((round) -> {
			pause(5);
			return 937;
		});
		assertThat(result.batches()).isPositive();
		assertThat(result.records()).isEqualTo(937L * result.batches());
		assertThat(result.loaded().samples()).isEqualTo(50);
		assertThat(result.recordsPerSecond()).isPositive();
	}

	@Test
	void aRunWhoseWriterFailsExitsWithOneAndSaysWhy() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = BenchCommand.run(List.of("--decisions", "1500"), (options) -> this.load.run((round) -> {
			throw new IllegalStateException("The service refused a benchmark request (HTTP 503)");
		}), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("Benchmark failed: The writer ingesting during the reads under ingest failed")
			.contains("HTTP 503");
	}

	private static Object pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

}
