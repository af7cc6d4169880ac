package dev.provenant.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time and memory against the size of the graph, drawn from the JSON of benchmark runs at
 * several sizes ({@code bench plot RUN.json... --out scale.png}): on the left the
 * service's median time of a lineage, the ~25k and the stress blast radius and a rollback
 * scope, on the right the dependency index and the heap in use after ingest, both axes
 * logarithmic.
 */
final class ScalePlot {

	/**
	 * The queries drawn on the left, by their row's name, and how the legend calls them.
	 */
	private static final Map<String, String> TIMES = timeSeries();

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd), new Color(0xff7f0e) };

	private static final int WIDTH = 1200;

	private static final int HEIGHT = 560;

	private static Map<String, String> timeSeries() {
		Map<String, String> series = new LinkedHashMap<>();
		series.put("lineage depth 5, decisions", "lineage, depth 5");
		series.put("blast radius ids, model version", "blast radius ids, model version (~25k at M)");
		series.put("rollback scope, model version", "rollback scope, model version");
		series.put("blast radius ids, data source (stress)", "blast radius ids, stress source (~870k at M)");
		return series;
	}

	private ScalePlot() {
	}

	/**
	 * Reads the runs and writes the plot.
	 * @return 0, or 1 with the reason on {@code err}
	 */
	static int run(List<String> arguments, PrintStream out, PrintStream err) {
		List<Path> runs = new ArrayList<>();
		Path png = null;
		for (int i = 0; i < arguments.size(); i++) {
			if ("--out".equals(arguments.get(i)) && i + 1 < arguments.size()) {
				png = Path.of(arguments.get(++i));
			}
			else {
				runs.add(Path.of(arguments.get(i)));
			}
		}
		if (runs.isEmpty() || png == null) {
			err.println("Usage: java -jar provenant.jar bench plot RUN.json [RUN.json...] --out PLOT.png");
			return 1;
		}
		try {
			List<Run> read = new ArrayList<>();
			for (Path run : runs) {
				read.add(Run.of(JsonMapper.builder().build().readTree(Files.readString(run))));
			}
			read.sort(Comparator.comparingLong(Run::nodes));
			write(read, png);
			out.printf(Locale.ROOT, "Wrote %s from %d run(s): %s%n", png, read.size(),
					read.stream().map(run -> run.size() + " (" + run.nodes() + " nodes)").toList());
			return 0;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			err.println("Could not plot: " + ex.getMessage());
			return 1;
		}
	}

	/** What one run measured, as the plot needs it. */
	record Run(String size, long nodes, Map<String, Double> medians, double indexMiB, double heapMiB) {

		static Run of(JsonNode report) {
			if (!report.path("nodes").canConvertToLong() || !report.path("queries").isArray()) {
				throw new IllegalArgumentException("not the JSON of a benchmark run (no nodes or queries)");
			}
			Map<String, Double> medians = new LinkedHashMap<>();
			for (JsonNode query : report.path("queries")) {
				JsonNode p50 = query.path("service").path("p50");
				if (TIMES.containsKey(query.path("query").asString("")) && p50.isNumber()) {
					medians.put(query.path("query").asString(), p50.asDouble());
				}
			}
			return new Run(report.path("size").asString("?"), report.path("nodes").asLong(), medians,
					report.path("dependencyIndexBytes").asDouble() / (1 << 20),
					report.path("heapUsedAfterIngestMb").asDouble());
		}

	}

	static void write(List<Run> runs, Path png) throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			Map<String, List<double[]>> times = new LinkedHashMap<>();
			TIMES.forEach((query, label) -> times.put(label, points(runs, run -> run.medians().get(query))));
			Map<String, List<double[]>> memory = new LinkedHashMap<>();
			memory.put("dependency index (MiB)", points(runs, run -> run.indexMiB()));
			memory.put("heap in use after ingest (MiB)", points(runs, run -> run.heapMiB()));
			panel(g, 0, "Service p50 (ms) against nodes", times);
			panel(g, WIDTH / 2, "Memory (MiB) against nodes", memory);
		}
		finally {
			g.dispose();
		}
		Path parent = png.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		ImageIO.write(image, "png", png.toFile());
	}

	private static List<double[]> points(List<Run> runs, java.util.function.Function<Run, Double> value) {
		List<double[]> points = new ArrayList<>();
		for (Run run : runs) {
			Double y = value.apply(run);
			if (y != null && y > 0) {
				points.add(new double[] { run.nodes(), y });
			}
		}
		return points;
	}

	/** One log-log panel, {@code left} its left edge, with a decade grid and a legend. */
	private static void panel(Graphics2D g, int left, String title, Map<String, List<double[]>> series) {
		int x0 = left + 70;
		int x1 = left + WIDTH / 2 - 30;
		int y0 = HEIGHT - 60;
		int y1 = 50;
		double[] xs = range(series, 0);
		double[] ys = range(series, 1);
		g.setColor(Color.BLACK);
		g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
		g.drawString(title, x0, 30);
		g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
		for (double decade = xs[0]; decade <= xs[1]; decade *= 10) {
			int x = scale(decade, xs, x0, x1);
			gridLine(g, x, y0, x, y1, label(decade), x - 12, y0 + 16);
		}
		for (double decade = ys[0]; decade <= ys[1]; decade *= 10) {
			int y = scale(decade, ys, y0, y1);
			gridLine(g, x0, y, x1, y, label(decade), x0 - 45, y + 4);
		}
		g.setColor(Color.BLACK);
		g.drawRect(x0, y1, x1 - x0, y0 - y1);
		g.drawString("nodes", (x0 + x1) / 2 - 15, y0 + 34);
		// The legend sits at the bottom right, below lines that rise with size.
		int legend = y0 - 8 - 16 * (series.size() - 1);
		int legendX = x0 + (x1 - x0) * 2 / 5;
		int color = 0;
		for (Map.Entry<String, List<double[]>> line : series.entrySet()) {
			g.setColor(COLORS[color++ % COLORS.length]);
			g.setStroke(new BasicStroke(2f));
			int[] previous = null;
			for (double[] point : line.getValue()) {
				int[] at = { scale(point[0], xs, x0, x1), scale(point[1], ys, y0, y1) };
				g.fillOval(at[0] - 4, at[1] - 4, 8, 8);
				if (previous != null) {
					g.drawLine(previous[0], previous[1], at[0], at[1]);
				}
				previous = at;
			}
			g.drawLine(legendX, legend - 4, legendX + 20, legend - 4);
			g.drawString(line.getKey(), legendX + 26, legend);
			legend += 16;
		}
		g.setStroke(new BasicStroke(1f));
	}

	/** A grid line at a decade, and its label at ({@code labelX}, {@code labelY}). */
	private static void gridLine(Graphics2D g, int fromX, int fromY, int toX, int toY, String label, int labelX,
			int labelY) {
		g.setColor(new Color(0xdddddd));
		g.drawLine(fromX, fromY, toX, toY);
		g.setColor(Color.DARK_GRAY);
		g.drawString(label, labelX, labelY);
	}

	/** Decades around every value of coordinate {@code axis}: {lowest, highest}. */
	private static double[] range(Map<String, List<double[]>> series, int axis) {
		double low = Double.MAX_VALUE;
		double high = Double.MIN_VALUE;
		for (List<double[]> points : series.values()) {
			for (double[] point : points) {
				low = Math.min(low, point[axis]);
				high = Math.max(high, point[axis]);
			}
		}
		if (low == Double.MAX_VALUE) {
			return new double[] { 1, 10 };
		}
		double from = Math.pow(10, Math.floor(Math.log10(low)));
		double to = Math.pow(10, Math.ceil(Math.log10(high)));
		return new double[] { from, (to > from) ? to : from * 10 };
	}

	private static int scale(double value, double[] range, int from, int to) {
		double share = (Math.log10(value) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]));
		return (int) Math.round(from + share * (to - from));
	}

	private static String label(double value) {
		if (value >= 1e6) {
			return String.format(Locale.ROOT, "%.0fM", value / 1e6);
		}
		if (value >= 1e3) {
			return String.format(Locale.ROOT, "%.0fk", value / 1e3);
		}
		return (value >= 1) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2g", value);
	}

}
