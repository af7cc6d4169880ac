package dev.provenant.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.provenant.support.Retained;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weight the documents cache goes by, from a query's text alone, held to what a
 * parsed document really keeps on the heap: never less, and not more than three times.
 */
class ParsedDocumentsTests {

	@Test
	void aDocumentWeighsWhatItsParseKeepsOnTheHeap() throws IOException {
		for (String name : new String[] { "blastRadius", "rollbackScope", "ingest" }) {
			String query = new ClassPathResource("graphql-test/" + name + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
			long estimated = ParsedDocuments.weight(new ParsedDocuments.Key(query, null));
			long measured = Retained.bytes(copy -> Parser.parse(query + "\n#" + copy), 500);
			assertThat(estimated).as(name + " (measured " + measured + ")").isBetween(measured, measured * 3);
		}
	}

}
