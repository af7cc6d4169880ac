package dev.provenant.search;

import dev.provenant.api.InvalidArgument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTests {

	@Test
	void everyWordIsRequiredAndTheLastIsAlsoAPrefix() {
		assertThat(SearchText.of("  Open bank ").luceneQuery()).contains("+\"open\" +(\"bank\" bank*)");
	}

	@Test
	void querySyntaxIsEscapedSoEveryCharacterIsTakenLiterally() {
		assertThat(SearchText.of("crm:(").luceneQuery()).contains("+(\"crm:(\" crm\\:\\(*)");
		assertThat(SearchText.of("a\"b\\ [c] e/f").luceneQuery())
			.contains("+\"a\\\"b\\\\\" +\"[c]\" +(\"e/f\" e\\/f*)");
	}

	@Test
	void operatorsAreWordsBecauseWordsAreLowercased() {
		assertThat(SearchText.of("NOT this OR that").luceneQuery())
			.contains("+\"not\" +\"this\" +\"or\" +(\"that\" that*)");
	}

	@Test
	void wordsWithoutLettersOrDigitsAreLeftOut() {
		assertThat(SearchText.of("crm ( :").luceneQuery()).contains("+(\"crm\" crm*)");
		assertThat(SearchText.of("(:*").luceneQuery()).isEmpty();
	}

	@Test
	void blankOrOverlongTextIsRefused() {
		assertThatThrownBy(() -> SearchText.of(" \t")).isInstanceOf(InvalidArgument.class);
		assertThatThrownBy(() -> SearchText.of(null)).isInstanceOf(InvalidArgument.class);
		assertThatThrownBy(() -> SearchText.of("x".repeat(SearchText.MAX_LENGTH + 1)))
			.isInstanceOf(InvalidArgument.class);
		assertThat(SearchText.of("x".repeat(SearchText.MAX_LENGTH)).text()).hasSize(SearchText.MAX_LENGTH);
	}

}
