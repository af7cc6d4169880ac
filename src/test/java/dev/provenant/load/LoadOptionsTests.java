package dev.provenant.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoadOptionsTests {

	private static final Map<String, String> NO_ENVIRONMENT = Map.of();

	private static LoadOptions parse(String... args) {
		return LoadOptions.parse(List.of(args), NO_ENVIRONMENT);
	}

	private static void assertRefused(String message, String... args) {
		assertThatExceptionOfType(InvalidOption.class).isThrownBy(() -> parse(args)).withMessageContaining(message);
	}

	@Test
	void everyOptionIsReadInEitherSpelling() {
		LoadOptions options = parse("--url", "http://127.0.0.1:18080", "--api-key=k-123", "--duration", "90s",
				"--clients=4", "--ingest-share", "0.5", "--batch-size", "25", "--seed-decisions=0", "--request-timeout",
				"1500ms");
		assertThat(options).isEqualTo(new LoadOptions(List.of(URI.create("http://127.0.0.1:18080")), "k-123",
				Duration.ofSeconds(90), 4, 0.5, 25, 0, Duration.ofMillis(1500)));
	}

	@Test
	void onlyTheKeyIsRequired() {
		LoadOptions options = parse("--api-key", "k");
		assertThat(options.urls()).containsExactly(URI.create("http://localhost:8080"));
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.clients()).isEqualTo(8);
		assertThat(options.ingestShare()).isEqualTo(0.2);
		assertThat(options.batchSize()).isEqualTo(10);
		assertThat(options.seedDecisions()).isEqualTo(100);
		assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theKeyMayComeFromTheEnvironmentButTheOptionWins() {
		assertThat(LoadOptions.parse(List.of(), Map.of("PROVENANT_KEY", "from-env")).apiKey()).isEqualTo("from-env");
		assertThat(LoadOptions.parse(List.of("--api-key", "given"), Map.of("PROVENANT_KEY", "from-env")).apiKey())
			.isEqualTo("given");
	}

	@Test
	void aMissingKeyIsRefusedWithWhatItNeeds() {
		assertRefused("--api-key is required (or set PROVENANT_KEY): a key with roles writer and reader");
	}

	@Test
	void timesTakeMillisecondsSecondsMinutesOrHours() {
		assertThat(LoadOptions.time("duration", "250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(LoadOptions.time("duration", "45s")).isEqualTo(Duration.ofSeconds(45));
		assertThat(LoadOptions.time("duration", "5m")).isEqualTo(Duration.ofMinutes(5));
		assertThat(LoadOptions.time("duration", "2H")).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aTimeWithoutAUnitOrOfZeroIsRefused() {
		assertRefused("--duration '60' is not a time: give a whole number and a unit (ms, s, m or h), e.g. 60s",
				"--api-key", "k", "--duration", "60");
		assertRefused("--duration '1.5s' is not a time", "--api-key", "k", "--duration", "1.5s");
		assertRefused("--request-timeout must be longer than zero", "--api-key", "k", "--request-timeout", "0s");
	}

	@Test
	void countsOutsideTheirRangeAreRefusedWithTheRange() {
		assertRefused("--clients must be between 1 and 1024, not 0", "--api-key", "k", "--clients", "0");
		assertRefused("--clients 'many' is not a whole number", "--api-key", "k", "--clients", "many");
		assertRefused("--batch-size must be between 1 and 3000, not 5000", "--api-key", "k", "--batch-size", "5000");
		assertRefused("--seed-decisions must be between 0 and 1000000, not -1", "--api-key", "k",
				"--seed-decisions=-1");
	}

	@Test
	void theIngestShareIsAFractionFromZeroToOne() {
		assertThat(parse("--api-key", "k", "--ingest-share", "0").ingestShare()).isZero();
		assertThat(parse("--api-key", "k", "--ingest-share", "1").ingestShare()).isEqualTo(1.0);
		assertRefused("--ingest-share must be between 0 and 1, not 20", "--api-key", "k", "--ingest-share", "20");
		assertRefused("--ingest-share must be between 0 and 1, not NaN", "--api-key", "k", "--ingest-share", "NaN");
		assertRefused("--ingest-share 'half' is not a number", "--api-key", "k", "--ingest-share", "half");
	}

	@Test
	void onlyHttpUrlsAreAccepted() {
		assertRefused("--url 'localhost:8080' is not an http(s) URL", "--api-key", "k", "--url", "localhost:8080");
		assertRefused("--url 'ftp://host' is not an http(s) URL", "--api-key", "k", "--url", "ftp://host");
		assertRefused("--url 'http://bad host' is not a URL", "--api-key", "k", "--url", "http://bad host");
	}

	@Test
	void unknownRepeatedOrValuelessOptionsAreNamed() {
		assertRefused("Unknown option --threads; known: --url, --api-key, --duration", "--api-key", "k", "--threads",
				"4");
		assertRefused("--clients is given twice", "--api-key", "k", "--clients", "4", "--clients", "8");
		assertRefused("--duration needs a value", "--api-key", "k", "--duration");
		assertRefused("--duration needs a value", "--duration", "--api-key", "k");
		assertRefused("Unexpected argument '60s': options start with --", "--api-key", "k", "60s");
	}

	@Test
	void helpIsRecognisedAnywhere() {
		assertThat(LoadOptions.asksForHelp(List.of("--clients", "4", "--help"))).isTrue();
		assertThat(LoadOptions.asksForHelp(List.of("-h"))).isTrue();
		assertThat(LoadOptions.asksForHelp(List.of("--clients", "4"))).isFalse();
	}

	@Test
	void severalUrlsAreTakenInTurn() {
		assertThat(parse("--api-key", "k", "--url", "http://a:8080, http://b:8080/,http://c:9090").urls())
			.containsExactly(URI.create("http://a:8080"), URI.create("http://b:8080/"), URI.create("http://c:9090"));
		assertThatThrownBy(() -> parse("--api-key", "k", "--url", ",")).hasMessageContaining("names no URL");
		assertThatThrownBy(() -> parse("--api-key", "k", "--url", "http://a:8080,ftp://b"))
			.hasMessageContaining("ftp://b");
	}

}
