package dev.provenant.search;

import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story: data source crm, named "<tag> Customer ledger (CRM)", feeds feature income,
 * named "<tag> Ledger income"; data source crm-archive has no name. The tag is a word
 * unique to the test, so that searches see only its nodes.
 */
class SearchIT extends GraphQlIT {

	private String tag;

	@BeforeEach
	void tellTheStory() {
		// Not a word of any id: how the index splits ids depends on their characters.
		this.tag = "tag" + id("").substring(1, 9);
		story().dataSource("crm")
			.with("name", this.tag + " Customer ledger (CRM)")
			.feature("income", "crm")
			.with("name", this.tag + " Ledger income")
			.dataSource("crm-archive")
			.ingest(this.graphQl);
	}

	@Test
	void aNameIsFoundByItsWordsInAnyCase() {
		GraphQlTester.Response hits = search(this.tag + " CUSTOMER ledger");
		hits.path("search[*].node.id").entityList(String.class).containsExactly(id("crm"));
		hits.path("search[0].match").entity(String.class).isEqualTo("TEXT");
		hits.path("search[0].node.name").entity(String.class).isEqualTo(this.tag + " Customer ledger (CRM)");
	}

	@Test
	void theLastWordIsAPrefixForSearchAsYouType() {
		assertThat(search(this.tag + " led").path("search[*].node.id").entityList(String.class).get())
			.containsExactlyInAnyOrder(id("crm"), id("income"));
		search(this.tag + " cust").path("search[*].node.id").entityList(String.class).containsExactly(id("crm"));
	}

	@Test
	void anExactIdComesFirstThenIdsStartingWithIt() {
		GraphQlTester.Response hits = search(id("crm"));
		assertThat(hits.path("search[*].node.id").entityList(String.class).get()).startsWith(id("crm"),
				id("crm-archive"));
		assertThat(hits.path("search[*].match").entityList(String.class).get()).startsWith("ID", "ID_PREFIX");
		search(id("crm-ar")).path("search[*].node.id").entityList(String.class).containsExactly(id("crm-archive"));
	}

	@Test
	void kindsKeepOnlyThoseKinds() {
		this.graphQl.documentName("search")
			.variable("text", this.tag + " ledger")
			.variable("kinds", List.of("FEATURE", "MODEL_VERSION"))
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.containsExactly(id("income"));
		this.graphQl.documentName("search")
			.variable("text", id("crm"))
			.variable("kinds", List.of("DECISION"))
			.execute()
			.path("search")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void queryCharactersAreTakenLiterallyAndNeverFail() {
		search(this.tag + " (crm)").path("search[*].node.id").entityList(String.class).containsExactly(id("crm"));
		for (String text : List.of("crm:(", "\"unterminated", "a OR", "NOT", "*", "?", "((( ", "[1 TO", "\\",
				"ledger~2^", id("crm") + "(", "/regex/", "a && b || !c", "{}")) {
			search(text).errors().verify().path("search").hasValue();
		}
	}

	/**
	 * The name index is eventually consistent (V0012), off the commit path: a search
	 * still sees every write answered before it, because it waits for what is pending.
	 */
	@Test
	void aNameIsFoundAsSoonAsItsWriteIsAnswered() {
		for (int i = 0; i < 20; i++) {
			String word = this.tag + "w" + i;
			story().dataSource("fresh-" + i).with("name", word + " fresh ledger").ingest(this.graphQl);
			search(word).path("search[*].node.id").entityList(String.class).containsExactly(id("fresh-" + i));
		}
	}

	@Test
	void firstLimitsTheHitsAndIsCapped() {
		this.graphQl.documentName("search")
			.variable("text", this.tag + " led")
			.variable("first", 1)
			.execute()
			.path("search")
			.entityList(Object.class)
			.hasSize(1);
		this.graphQl.documentName("search")
			.variable("text", "crm")
			.variable("first", NodeSearch.MAX_HITS + 1)
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	@Test
	void blankTextIsABadRequest() {
		search(" ").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		search("x".repeat(SearchText.MAX_LENGTH + 1)).errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
	}

	@Test
	void readersMaySearchAndNobodyElse() {
		as(TestKeys.READER).documentName("search")
			.variable("text", id("crm"))
			.execute()
			.path("search[0].node.id")
			.entity(String.class)
			.isEqualTo(id("crm"));
		as(null).documentName("search")
			.variable("text", id("crm"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "UNAUTHORIZED"));
		as(TestKeys.WRITER).documentName("search")
			.variable("text", id("crm"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "FORBIDDEN"));
	}

	private GraphQlTester.Response search(String text) {
		return this.graphQl.documentName("search").variable("text", text).execute();
	}

}
