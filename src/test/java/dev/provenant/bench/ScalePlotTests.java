package dev.provenant.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench plot}: time and memory against size, drawn from runs' JSON. */
class ScalePlotTests {

	@Test
	void drawsEachRunAsAPointOfEachSeries(@TempDir Path dir) throws Exception {
		Path small = run(dir, "S", 100_000, 30_000_000L, 2.5, 4.0);
		Path medium = run(dir, "M", 1_000_000, 290_000_000L, 6.0, 36.0);
		Path png = dir.resolve("plots/scale.png");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = BenchCommand.run(List.of("plot", medium.toString(), small.toString(), "--out", png.toString()),
				options -> {
					throw new AssertionError("plot runs no benchmark");
				}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("from 2 run(s): [S (100000 nodes), M (1000000 nodes)]");
		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(560);
		// the first series' colour, in the left panel and (the index) in the right one
		assertThat(pixelsOf(image, 0x1f77b4, 0, 600)).isGreaterThan(50);
		assertThat(pixelsOf(image, 0x1f77b4, 600, 1200)).isGreaterThan(50);
	}

	@Test
	void aFileThatIsNotARunIsNamedAndNothingIsWritten(@TempDir Path dir) throws Exception {
		Path notARun = Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
		Path png = dir.resolve("scale.png");
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = BenchCommand.run(List.of("plot", notARun.toString(), "--out", png.toString()), options -> {
		}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(code).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("not the JSON of a benchmark run");
		assertThat(png).doesNotExist();
	}

	private static Path run(Path dir, String size, long nodes, long indexBytes, double lineage, double blastRadius)
			throws Exception {
		String json = """
				{"size": "%s", "nodes": %d, "dependencyIndexBytes": %d, "heapUsedAfterIngestMb": %d,
				 "queries": [
				   {"query": "lineage depth 5, decisions", "service": {"samples": 100, "p50": %s}},
				   {"query": "blast radius ids, model version", "service": {"samples": 100, "p50": %s}},
				   {"query": "assess (a fresh decision)", "service": {"samples": 100, "p50": 1.0}}
				 ]}
				""".formatted(size, nodes, indexBytes, nodes / 1000, lineage, blastRadius);
		return Files.writeString(dir.resolve("bench-" + size + ".json"), json);
	}

	private static int pixelsOf(BufferedImage image, int rgb, int fromX, int toX) {
		int count = 0;
		for (int x = fromX; x < toX; x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				if ((image.getRGB(x, y) & 0xffffff) == rgb) {
					count++;
				}
			}
		}
		return count;
	}

}
