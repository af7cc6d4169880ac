package dev.provenant.docs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares an answer a page shows with the answer given: the same structure and values,
 * except what every run makes anew (the instants writes are recorded at, which carry
 * fractions of a second; SHA-256 hashes; signatures), which need only have the same form,
 * and strings a page cuts short with an ellipsis ({@code "eyJhbGciOi…"}), which need only
 * start as shown.
 */
final class JsonAnswers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern RECORDED_INSTANT = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{1,9}Z");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

	private JsonAnswers() {
	}

	/** What differs, one line each; empty when the answer is as shown. */
	static List<String> differences(String shown, String given) {
		List<String> differences = new ArrayList<>();
		JsonNode expected;
		JsonNode actual;
		try {
			expected = JSON.readTree(shown);
		}
		catch (RuntimeException ex) {
			return List.of("the page's answer is not JSON: " + ex.getMessage());
		}
		try {
			actual = JSON.readTree(given);
		}
		catch (RuntimeException ex) {
			return List.of("the answer is not JSON: " + given);
		}
		compare("$", expected, actual, differences);
		return differences;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (expected.isObject() && actual.isObject()) {
			TreeSet<String> names = new TreeSet<>(expected.propertyNames());
			names.addAll(actual.propertyNames());
			for (String name : names) {
				if (!expected.has(name)) {
					differences.add(path + "." + name + " is not shown");
				}
				else if (!actual.has(name)) {
					differences.add(path + "." + name + " is shown but missing");
				}
				else {
					compare(path + "." + name, expected.get(name), actual.get(name), differences);
				}
			}
		}
		else if (expected.isArray() && actual.isArray()) {
			if (expected.size() != actual.size()) {
				differences.add(path + " has " + actual.size() + " items, " + expected.size() + " shown");
				return;
			}
			Iterator<JsonNode> given = actual.iterator();
			int index = 0;
			for (JsonNode item : expected) {
				compare(path + "[" + index++ + "]", item, given.next(), differences);
			}
		}
		else if (expected.isString() && actual.isString()) {
			String shown = expected.asString();
			String value = actual.asString();
			boolean elided = shown.endsWith("…") && value.startsWith(shown.substring(0, shown.length() - 1));
			if (!shown.equals(value) && !sameForm(shown, value) && !elided) {
				differences.add(path + " is \"" + value + "\", \"" + shown + "\" shown");
			}
		}
		else if (expected.isNumber() && actual.isNumber()) {
			if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
				differences.add(path + " is " + actual + ", " + expected + " shown");
			}
		}
		else if (!expected.equals(actual)) {
			differences.add(path + " is " + actual + ", " + expected + " shown");
		}
	}

	private static boolean sameForm(String shown, String value) {
		for (Pattern anew : List.of(RECORDED_INSTANT, HASH, COMPACT_JWS)) {
			if (anew.matcher(shown).matches() && anew.matcher(value).matches()) {
				return true;
			}
		}
		return false;
	}

}
