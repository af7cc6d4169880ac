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

/** The benchmark's results: printed as one table, and written as JSON for tracking. */
final class BenchReport {

	static final String NOT_AVAILABLE = "n/a";

	private static final String ROW = "%-34s %9s %9s %9s %6s %9s %9s %6s %9s %9s %6s %8s %8s%n";

	private final Map<String, Object> facts = new LinkedHashMap<>();

	private final List<Row> rows = new ArrayList<>();

	void fact(String name, Object value) {
		this.facts.put(name, value);
	}

	void add(Row row) {
		this.rows.add(row);
	}

	String table() {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, ROW, "query (ms, warm)", "answer", "svc p50", "svc p99", "svc n",
				"raw p50", "raw p99", "raw n", "floor p50", "floor p99", "flr n", "svc/raw", "svc/flr"));
		for (Row row : this.rows) {
			table.append(String.format(Locale.ROOT, ROW, row.query(), row.answerSize(), p50(row.service()),
					p99(row.service()), samples(row.service()), p50(row.raw()), p99(row.raw()), samples(row.raw()),
					p50(row.floor()), p99(row.floor()), samples(row.floor()), ratio(row.serviceOverRaw()),
					ratio(row.serviceOverFloor())));
		}
		table.append("(p99 is ")
			.append(NOT_AVAILABLE)
			.append(" below ")
			.append(Measurement.SAMPLES_FOR_P99)
			.append(" samples; n is the number of samples)\n");
		return table.toString();
	}

	private static String p50(Measurement measurement) {
		return (measurement == null) ? "-" : ms(measurement.p50());
	}

	private static String p99(Measurement measurement) {
		return (measurement == null) ? "-" : ms(measurement.p99());
	}

	private static String samples(Measurement measurement) {
		return (measurement == null) ? "-" : Integer.toString(measurement.samples());
	}

	/** Milliseconds, or {@value #NOT_AVAILABLE} where there is no figure. */
	static String ms(Double value) {
		if (value == null) {
			return NOT_AVAILABLE;
		}
		return String.format(Locale.ROOT, (value < 10) ? "%.2f" : "%.1f", value);
	}

	private static String ratio(Double ratio) {
		return (ratio == null) ? "-" : String.format(Locale.ROOT, "%.1f", ratio);
	}

	/** Writes {@code bench-<size>-<time>.json} and {@code bench-<size>-latest.json}. */
	List<Path> write(Path directory, String size) {
		Map<String, Object> document = new LinkedHashMap<>(this.facts);
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
