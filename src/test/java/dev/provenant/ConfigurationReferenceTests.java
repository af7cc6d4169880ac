package dev.provenant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md's list of every setting is generated from the metadata Spring
 * Boot's configuration processor writes for the code's {@code @ConfigurationProperties}
 * (names, types, defaults, and the Javadoc that describes them), so it cannot drift from
 * the code: this test fails when the page's list is not what the code declares. Run it
 * with {@code -Dconfiguration-reference.write=true} to write the list again.
 */
class ConfigurationReferenceTests {

	static final String BEGIN = "<!-- generated from the code's @ConfigurationProperties: do not edit by hand -->";

	static final String END = "<!-- end of the generated list -->";

	private static final Path PAGE = Path.of("docs/configuration.md");

	@Test
	void thePageListsEverySettingTheCodeDeclaresAsItDeclaresIt() throws IOException {
		List<JsonNode> properties = provenantProperties();
		assertThat(properties).as("the configuration processor's metadata").hasSizeGreaterThan(40);
		assertThat(properties).allSatisfy(property -> assertThat(property.path("description").asString(""))
			.as("a description (Javadoc) for %s", property.path("name").asString())
			.isNotBlank());
		String generated = render(properties);
		String page = Files.readString(PAGE);
		int begin = page.indexOf(BEGIN);
		int end = page.indexOf(END);
		assertThat(begin).as("the page has the generated list's markers").isNotNegative();
		assertThat(end).isGreaterThan(begin);
		String current = page.substring(begin + BEGIN.length(), end);
		if (Boolean.getBoolean("configuration-reference.write")) {
			Files.writeString(PAGE, page.substring(0, begin + BEGIN.length()) + generated + page.substring(end),
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(current)
			.as("docs/configuration.md's generated list; write it again with "
					+ "./mvnw -q test -Dtest=ConfigurationReferenceTests -Dconfiguration-reference.write=true")
			.isEqualTo(generated);
	}

	private static List<JsonNode> provenantProperties() throws IOException {
		try (InputStream metadata = ConfigurationReferenceTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("the configuration processor's metadata on the class path").isNotNull();
			List<JsonNode> properties = new ArrayList<>();
			JsonMapper.builder().build().readTree(metadata).path("properties").forEach(property -> {
				if (property.path("name").asString().startsWith("provenant.")) {
					properties.add(property);
				}
			});
			properties.sort(Comparator.comparing(property -> property.path("name").asString()));
			return properties;
		}
	}

	static String render(List<JsonNode> properties) {
		StringBuilder table = new StringBuilder("\n| property | type | default | meaning |\n|---|---|---|---|\n");
		for (JsonNode property : properties) {
			table.append("| `")
				.append(property.path("name").asString())
				.append("` | ")
				.append(type(property.path("type").asString("")))
				.append(" | ")
				.append(property.has("defaultValue") ? "`" + property.path("defaultValue").asString() + "`" : "")
				.append(" | ")
				.append(markdown(property.path("description").asString("")))
				.append(" |\n");
		}
		return table.toString();
	}

	private static String type(String java) {
		String simple = java.replaceAll("[\\w.]+\\.(\\w+)", "$1").replace('$', '.');
		return simple.isEmpty() ? "" : "`" + simple + "`";
	}

	/** Javadoc's inline tags as Markdown, on one line. */
	private static String markdown(String javadoc) {
		String text = javadoc.replaceAll("\\{@(?:code|literal) ([^}]*)\\}", "`$1`")
			.replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([^}\\s]*)[^}]*\\}", "`$1`")
			.replaceAll("\\s+", " ")
			.replace("|", "\\|")
			.strip();
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
