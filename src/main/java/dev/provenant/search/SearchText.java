package dev.provenant.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.provenant.api.InvalidArgument;

/**
 * What a user typed in a search box, checked, and turned into a query for the full-text
 * index. The text is never Lucene syntax: every special character is escaped, so
 * {@code crm:(} is looked for as written instead of failing to parse. Words are
 * lowercased, so {@code AND}, {@code OR} and {@code NOT} are words too.
 *
 * @param text the text, without surrounding whitespace
 */
record SearchText(String text) {

	static final int MAX_LENGTH = 200;

	private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

	private static final String PHRASE_SPECIAL = "\\\"";

	static SearchText of(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidArgument("text", "text must not be blank: type part of an id or a name");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidArgument("text",
					"text must be at most " + MAX_LENGTH + " characters, got " + text.length());
		}
		return new SearchText(text.strip());
	}

	/**
	 * Every word required, the last one also as a prefix (the user may still be typing
	 * it): {@code open bank} is {@code +"open" +("bank" bank*)}. Each word is a phrase,
	 * so that one the index splits in two ({@code crm-archive}) needs both halves rather
	 * than either. Empty when no word holds a letter or digit, as the index holds only
	 * those.
	 */
	Optional<String> luceneQuery() {
		List<String> words = new ArrayList<>();
		for (String word : this.text.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
				words.add(word);
			}
		}
		if (words.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < words.size() - 1; i++) {
			query.append('+').append(phrase(words.get(i))).append(' ');
		}
		String last = words.get(words.size() - 1);
		query.append("+(").append(phrase(last)).append(' ').append(escape(last, LUCENE_SPECIAL)).append("*)");
		return Optional.of(query.toString());
	}

	private static String phrase(String word) {
		return '"' + escape(word, PHRASE_SPECIAL) + '"';
	}

	private static String escape(String word, String special) {
		StringBuilder escaped = new StringBuilder(word.length() + 8);
		word.chars().forEach(c -> {
			if (special.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append((char) c);
		});
		return escaped.toString();
	}

}
