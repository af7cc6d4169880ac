package dev.provenant.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * GraphQL Java's messages for input that does not fit the schema, rewritten for the
 * person who sent it: where the offending field is ({@code batch.dataSources[2]}), the
 * nearest field name the type has for a typo, every value an enum allows, and none of the
 * parser's internal structures ({@code ObjectValue{objectFields=[…]}}).
 */
final class InputErrorMessages {

	private static final Pattern INLINE_EXTRA_FIELD = Pattern
		.compile("argument '([^']+)' with value .* contains a field not in '(\\w+)': '(\\w+)'", Pattern.DOTALL);

	private static final Pattern VARIABLE_EXTRA_FIELD = Pattern
		.compile("field name '(\\w+)' that is not defined for input object type '(\\w+)'");

	private static final Pattern INLINE_ENUM = Pattern
		.compile("argument '([^']+)' with value '(?:EnumValue\\{name='(\\w+)'\\}|StringValue\\{value='([^']*)'\\})' "
				+ "is not a valid '(\\w+)'", Pattern.DOTALL);

	private static final Pattern VARIABLE_ENUM = Pattern.compile(
			"Variable '(\\w+)' .*Invalid input for enum '(\\w+)'\\. (?:No value found for name|Unknown value) '([^']*)'",
			Pattern.DOTALL);

	private static final Pattern INLINE_MISSING = Pattern
		.compile("argument '([^']+)' with value .* is missing required fields '\\[([^\\]]*)\\]'", Pattern.DOTALL);

	/** The parser's rendering of an inline value, from "with value '" to the verdict. */
	private static final Pattern INLINE_VALUE = Pattern.compile(" with value '.*?' (?=(is|contains|must) )",
			Pattern.DOTALL);

	private InputErrorMessages() {
	}

	/**
	 * The message rewritten, or empty when it is not about input (or is readable
	 * already).
	 * @param document the request's document, to find an inline field's place
	 * @param variables the request's variables, to find a variable field's place
	 */
	static Optional<String> readable(String message, GraphQLSchema schema, String document,
			Map<String, Object> variables) {
		if (message == null) {
			return Optional.empty();
		}
		Matcher m = INLINE_EXTRA_FIELD.matcher(message);
		if (m.find()) {
			String place = inlinePlace(document, m.group(1), m.group(3));
			return Optional.of(unknownField(place, m.group(3), schema.getType(m.group(2))));
		}
		m = VARIABLE_EXTRA_FIELD.matcher(message);
		if (m.find()) {
			return Optional
				.of(unknownField(variablePlace(variables, m.group(1)), m.group(1), schema.getType(m.group(2))));
		}
		m = INLINE_ENUM.matcher(message);
		if (m.find() && schema.getType(m.group(4)) instanceof GraphQLEnumType type) {
			String value = (m.group(2) != null) ? m.group(2) : "\"" + m.group(3) + "\"";
			return Optional
				.of("Argument '" + m.group(1) + "': " + value + " is not a " + type.getName() + "; " + allowed(type));
		}
		m = VARIABLE_ENUM.matcher(message);
		if (m.find() && schema.getType(m.group(2)) instanceof GraphQLEnumType type) {
			return Optional.of("Variable '" + m.group(1) + "': '" + m.group(3) + "' is not a " + type.getName() + "; "
					+ allowed(type));
		}
		m = INLINE_MISSING.matcher(message);
		if (m.find()) {
			// GraphQL Java names the record's place as the argument:
			// batch.dataSources[1].
			String place = m.group(1);
			String argument = place.split("[.\\[]", 2)[0];
			String missing = String.join(", ", m.group(2).split(",\\s*"));
			return Optional.of("Argument '" + argument + "'" + (place.equals(argument) ? "" : " at " + place)
					+ " lacks the required field" + (missing.contains(",") ? "s " : " ") + missing);
		}
		if (message.contains("Value{")) {
			return Optional.of(INLINE_VALUE.matcher(message).replaceAll(" "));
		}
		return Optional.empty();
	}

	private static String unknownField(String place, String field, GraphQLType type) {
		StringBuilder text = new StringBuilder(place).append(" has no field '").append(field).append("'");
		if (type instanceof GraphQLInputObjectType input) {
			List<String> fields = input.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).toList();
			nearest(field, fields).ifPresent(name -> text.append("; did you mean '").append(name).append("'?"));
			text.append(" ").append(input.getName()).append("'s fields: ").append(String.join(", ", fields));
		}
		return text.toString();
	}

	private static String allowed(GraphQLEnumType type) {
		return "the allowed values are "
				+ String.join(", ", type.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
	}

	/** The closest name within a third of the typo's length (at least two edits). */
	static Optional<String> nearest(String typo, List<String> names) {
		String best = null;
		int bestDistance = Math.max(2, typo.length() / 3) + 1;
		for (String name : names) {
			int distance = distance(typo.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = name;
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** Which variable holds an object with {@code field}, and where in it. */
	private static String variablePlace(Map<String, Object> variables, String field) {
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			Optional<String> path = find(variable.getValue(), field, "");
			if (path.isPresent()) {
				return "Variable '" + variable.getKey() + "' at " + variable.getKey() + path.get();
			}
		}
		return "The variables";
	}

	private static Optional<String> find(Object value, String field, String path) {
		if (value instanceof Map<?, ?> map) {
			if (map.containsKey(field)) {
				return Optional.of(path);
			}
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Optional<String> found = find(entry.getValue(), field, path + "." + entry.getKey());
				if (found.isPresent()) {
					return found;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Optional<String> found = find(list.get(i), field, path + "[" + i + "]");
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** Where in an inline argument the object holding {@code field} is. */
	private static String inlinePlace(String document, String argument, String field) {
		String place = "Argument '" + argument + "'";
		if (!argument.matches("\\w+")) {
			// a path into the argument already (batch.dataSources[1])
			return place;
		}
		try {
			Optional<String> found = argument(Parser.parse(document), argument)
				.flatMap(candidate -> find(candidate.getValue(), field, ""));
			return found.map(path -> place + " at " + argument + path).orElse(place);
		}
		catch (RuntimeException ex) {
			return place;
		}
	}

	/** The first argument of that name anywhere in the document. */
	private static Optional<Argument> argument(Node<?> node, String name) {
		if (node instanceof Argument candidate && candidate.getName().equals(name)) {
			return Optional.of(candidate);
		}
		for (Node<?> child : node.getChildren()) {
			Optional<Argument> found = argument(child, name);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> find(Value<?> value, String field, String path) {
		if (value instanceof ObjectValue object) {
			for (ObjectField candidate : object.getObjectFields()) {
				if (candidate.getName().equals(field)) {
					return Optional.of(path);
				}
			}
			for (ObjectField candidate : object.getObjectFields()) {
				Optional<String> found = find(candidate.getValue(), field, path + "." + candidate.getName());
				if (found.isPresent()) {
					return found;
				}
			}
		}
		else if (value instanceof ArrayValue array) {
			for (int i = 0; i < array.getValues().size(); i++) {
				Optional<String> found = find(array.getValues().get(i), field, path + "[" + i + "]");
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

}
