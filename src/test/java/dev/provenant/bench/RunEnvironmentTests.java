package dev.provenant.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RunEnvironmentTests {

	@Test
	void theDateIsTheRunsStartInUtcToTheSecond() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-06T16:00:00.789Z"), ZoneOffset.ofHours(2));
		RunEnvironment environment = RunEnvironment.current(clock);

		assertThat(environment.date()).isEqualTo("2026-12-06T16:00:00Z");
		assertThat(environment.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(environment.maxHeapMb()).isEqualTo(Runtime.getRuntime().maxMemory() >> 20);
		assertThat(environment.arch()).isEqualTo(System.getProperty("os.arch"));
		assertThat(environment.os()).startsWith(System.getProperty("os.name"));
		assertThat(environment.jvmVendor()).isEqualTo(System.getProperty("java.vendor"));
		assertThat(environment.jvmVersion()).endsWith(Runtime.version().toString());
	}

	@Test
	void theCommitIsWhatGitDescribesInAWorkingCopy() {
		assumeTrue(gitAnswers(), "git is not installed or this is not a working copy");

		assertThat(RunEnvironment.commit(RunEnvironment.GIT_DESCRIBE)).matches("[0-9A-Za-z._/-]*[0-9a-f]{7,}(-dirty)?");
	}

	@Test
	void withoutGitOrABuildPropertyTheCommitIsUnknown() {
		assumeTrue(RunEnvironment.class.getResource("/git.properties") == null, "the build wrote git.properties");

		assertThat(RunEnvironment.commit(List.of("provenant-no-such-command"))).isEqualTo("unknown");
		assertThat(RunEnvironment.commit(List.of("git", "describe", "--no-such-option"))).isEqualTo("unknown");
	}

	private static boolean gitAnswers() {
		try {
			Process process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.getInputStream().readAllBytes();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
