package dev.provenant.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a run's figures belong to: the commit, the date (UTC), the machine and the JVM.
 * They head the printed table and the JSON report, since figures from another commit,
 * machine or JVM are not comparable.
 *
 * @param commit {@code git describe --always --dirty} in the working directory, else the
 * {@code git.commit.id.abbrev} of a {@code git.properties} on the class path, else
 * {@code unknown}
 * @param date when the run started, UTC, to the second
 * @param cores the processors available to the JVM
 * @param os the operating system's name and version
 * @param arch the processor architecture
 * @param maxHeapMb the JVM's maximum heap
 * @param jvmVendor the JVM's vendor
 * @param jvmVersion the JVM's name and full version
 */
record RunEnvironment(String commit, String date, int cores, String os, String arch, long maxHeapMb, String jvmVendor,
		String jvmVersion) {

	static final List<String> GIT_DESCRIBE = List.of("git", "describe", "--always", "--dirty");

	static RunEnvironment current(Clock clock) {
		Runtime runtime = Runtime.getRuntime();
		return new RunEnvironment(commit(GIT_DESCRIBE),
				OffsetDateTime.now(clock)
					.withOffsetSameInstant(ZoneOffset.UTC)
					.truncatedTo(ChronoUnit.SECONDS)
					.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
				runtime.availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
				System.getProperty("os.arch"), runtime.maxMemory() >> 20, System.getProperty("java.vendor"),
				System.getProperty("java.vm.name") + " " + Runtime.version());
	}

	/** The commit the command names, else the build's, else {@code unknown}. */
	static String commit(List<String> command) {
		String described = run(command);
		if (described != null) {
			return described;
		}
		try (InputStream in = RunEnvironment.class.getResourceAsStream("/git.properties")) {
			if (in != null) {
				Properties git = new Properties();
				git.load(in);
				String abbreviated = git.getProperty("git.commit.id.abbrev");
				if (abbreviated != null && !abbreviated.isBlank()) {
					return abbreviated.strip();
				}
			}
		}
		catch (IOException ex) {
			// no build property either
		}
		return "unknown";
	}

	/** The command's one line of output, or null if it cannot run or fails. */
	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroy();
				return null;
			}
			String line = new String(output, StandardCharsets.UTF_8).strip();
			return (process.exitValue() == 0 && !line.isEmpty() && !line.contains("\n")) ? line : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	String machine() {
		return String.format(Locale.ROOT, "%d cores, %s, %s, max heap %,d MB", this.cores, this.os, this.arch,
				this.maxHeapMb);
	}

	String jvm() {
		return this.jvmVendor + ", " + this.jvmVersion;
	}

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("commit", this.commit);
		map.put("date", this.date);
		map.put("cores", this.cores);
		map.put("os", this.os);
		map.put("arch", this.arch);
		map.put("maxHeapMb", this.maxHeapMb);
		map.put("jvmVendor", this.jvmVendor);
		map.put("jvmVersion", this.jvmVersion);
		return map;
	}

}
