package dev.provenant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's results: printed as one Markdown table headed with what the figures
 * belong to (commit, date, machine, JVM), and written as JSON with the same heading for
 * tracking.
 */
final class BenchReport {

	static final String NOT_AVAILABLE = "n/a";

	private static final String NONE = "–";

	private static final List<String> COLUMNS = List.of("query", "answer", "service p50", "service p99", "service n",
			"raw Cypher p50", "raw p99", "raw n", "floor p50", "floor p99", "floor n", "service ÷ raw",
			"service ÷ floor");

	private final RunEnvironment environment;

	private final String title;

	private final Map<String, Object> facts = new LinkedHashMap<>();

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	BenchReport(RunEnvironment environment, String title) {
		this.environment = environment;
		this.title = title;
	}

	void fact(String name, Object value) {
		this.facts.put(name, value);
	}

	void add(Row row) {
		this.rows.add(row);
	}

	/** A line printed under the table, e.g. an ingest rate. */
	void note(String line) {
		this.notes.add(line);
	}

	String markdown() {
		StringBuilder text = new StringBuilder();
		text.append("## ").append(this.title).append("\n\n");
		text.append("- commit: `").append(this.environment.commit()).append("`\n");
		text.append("- date (UTC): ").append(this.environment.date()).append('\n');
		text.append("- machine: ").append(this.environment.machine()).append('\n');
		text.append("- JVM: ").append(this.environment.jvm()).append("\n\n");
		text.append("Milliseconds, warm; *n* is the number of timed samples behind each figure; p99 is ")
			.append(NOT_AVAILABLE)
			.append(" below ")
			.append(Measurement.SAMPLES_FOR_P99)
			.append(" samples.\n\n");
		line(text, COLUMNS);
		List<String> rule = new ArrayList<>(List.of("---"));
		for (int i = 1; i < COLUMNS.size(); i++) {
			rule.add("---:");
		}
		line(text, rule);
		for (Row row : this.rows) {
			List<String> cells = new ArrayList<>();
			cells.add(row.query().replace("|", "\\|"));
			cells.add((row.answerSize() == null) ? NONE : String.format(Locale.ROOT, "%,d", row.answerSize()));
			for (Measurement measurement : new Measurement[] { row.service(), row.raw(), row.floor() }) {
				cells.add((measurement == null) ? NONE : ms(measurement.p50()));
				cells.add((measurement == null) ? NONE : ms(measurement.p99()));
				cells.add((measurement == null) ? NONE : Integer.toString(measurement.samples()));
			}
			cells.add(ratio(row.serviceOverRaw()));
			cells.add(ratio(row.serviceOverFloor()));
			line(text, cells);
		}
		if (!this.notes.isEmpty()) {
			text.append('\n');
			this.notes.forEach(note -> text.append("- ").append(note).append('\n'));
		}
		return text.toString();
	}

	private static void line(StringBuilder text, List<String> cells) {
		text.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	/** Milliseconds to three significant digits; {@value #NOT_AVAILABLE} for none. */
	static String ms(Double value) {
		if (value == null) {
			return NOT_AVAILABLE;
		}
		String pattern = (value < 1) ? "%.3f" : (value < 10) ? "%.2f" : (value < 100) ? "%.1f" : "%,.0f";
		return String.format(Locale.ROOT, pattern, value);
	}

	/** As {@link #ms(Double)}, with the unit where there is a figure. */
	static String milliseconds(Double value) {
		return (value == null) ? NOT_AVAILABLE : ms(value) + " ms";
	}

	private static String ratio(Double ratio) {
		return (ratio == null) ? NONE : String.format(Locale.ROOT, (ratio < 100) ? "%.1f" : "%,.0f", ratio);
	}

	/** Writes {@code bench-<size>-<time>.json} and {@code bench-<size>-latest.json}. */
	List<Path> write(Path directory, String size) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("environment", this.environment.asMap());
		document.putAll(this.facts);
		List<Map<String, Object>> queries = new ArrayList<>();
		for (Row row : this.rows) {
			Map<String, Object> query = new LinkedHashMap<>();
			query.put("query", row.query());
			query.put("answerSize", row.answerSize());
			query.put("service", row.service());
			query.put("rawCypher", row.raw());
			query.put("floor", row.floor());
			query.put("serviceOverRaw", row.serviceOverRaw());
			query.put("serviceOverFloor", row.serviceOverFloor());
			queries.add(query);
		}
		document.put("queries", queries);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		String stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		try {
			Files.createDirectories(directory);
			Path dated = directory.resolve("bench-" + size + "-" + stamp + ".json");
			Path latest = directory.resolve("bench-" + size + "-latest.json");
			byte[] bytes = json.writeValueAsBytes(document);
			Files.write(dated, bytes);
			Files.write(latest, bytes);
			return List.of(dated, latest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
