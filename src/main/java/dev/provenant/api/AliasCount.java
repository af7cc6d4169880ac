package dev.provenant.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The aliased fields a document runs, over all its operations. A fragment's aliases count
 * once for every place it is spread: aliases are how one request asks for the same
 * expensive field many times, and hiding them in a fragment spread a hundred times must
 * not make them cheap. Counts of fragments are kept, so nested spreads cost one pass, and
 * saturate instead of overflowing.
 */
final class AliasCount {

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Long> counted = new HashMap<>();

	private final Set<String> visiting = new HashSet<>();

	private AliasCount(Document document) {
		this.fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
	}

	static long of(Document document) {
		AliasCount count = new AliasCount(document);
		long total = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			total = plus(total, count.in(operation.getSelectionSet()));
		}
		return total;
	}

	private long in(SelectionSet selections) {
		if (selections == null) {
			return 0;
		}
		long count = 0;
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				count = plus(count, (field.getAlias() != null) ? 1 : 0);
				count = plus(count, in(field.getSelectionSet()));
			}
			else if (selection instanceof InlineFragment inline) {
				count = plus(count, in(inline.getSelectionSet()));
			}
			else if (selection instanceof FragmentSpread spread) {
				count = plus(count, fragment(spread.getName()));
			}
		}
		return count;
	}

	private long fragment(String name) {
		Long known = this.counted.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = this.fragments.get(name);
		// Unknown and cyclic spreads are refused by validation; they add nothing here.
		if (definition == null || !this.visiting.add(name)) {
			return 0;
		}
		long count = in(definition.getSelectionSet());
		this.visiting.remove(name);
		this.counted.put(name, count);
		return count;
	}

	private static long plus(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

}
