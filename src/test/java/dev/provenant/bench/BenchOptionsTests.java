package dev.provenant.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void sizesNameDecisionCounts() {
		assertThat(BenchOptions.parse(List.of()).decisions()).isEqualTo(40_000);
		assertThat(BenchOptions.parse(List.of("--size", "m")).decisions()).isEqualTo(400_000);
		assertThat(BenchOptions.parse(List.of("--size", "L")).decisions()).isEqualTo(2_000_000);
		BenchOptions custom = BenchOptions.parse(List.of("--decisions", "1500", "--seed", "3", "--runs", "4",
				"--warmup", "0", "--budget", "2", "--out", "x"));
		assertThat(custom)
			.isEqualTo(new BenchOptions("1500", 1500, 3, 4, Duration.ZERO, Duration.ofSeconds(2), Path.of("x")));
		assertThat(BenchOptions.parse(List.of()).warmUp()).isEqualTo(Duration.ofSeconds(2));
		// by default each query is timed long enough for a p99, unless it outlasts the
		// budget
		assertThat(BenchOptions.parse(List.of()).runs()).isEqualTo(Measurement.SAMPLES_FOR_P99);
	}

	@Test
	void badOptionsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--size", "XL")))
			.withMessageContaining("--size");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--runs", "0")))
			.withMessageContaining("--runs");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--warmup", "-1")))
			.withMessageContaining("--warmup");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--runs")))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--fast", "1")))
			.withMessageContaining("Unknown option --fast");
	}

}
