package dev.provenant.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.provenant.graph.Utc;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The two custom scalars of the schema. {@code DateTime} insists on an offset, because a
 * provenance record whose time zone is guessed is not evidence; {@code JSON} carries
 * attributes as they were given.
 */
@Configuration(proxyBeanMethods = false)
class Scalars {

	static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("ISO-8601 date-time with an offset")
		.coercing(new DateTimeCoercing())
		.build();

	static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
		.name("JSON")
		.description("Any JSON value")
		.coercing(new JsonCoercing())
		.build();

	@Bean
	RuntimeWiringConfigurer provenantScalars() {
		return wiring -> wiring.scalar(DATE_TIME).scalar(JSON);
	}

	static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof OffsetDateTime time) {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
			}
			if (value instanceof ZonedDateTime time) {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
			}
			throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
		}

		@Override
		public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			if (input instanceof OffsetDateTime time) {
				return recordable(time, time.toString(), CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("DateTime must be a string, e.g. 2026-11-26T10:15:30Z");
		}

		@Override
		public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("DateTime must be a string, e.g. 2026-11-26T10:15:30Z");
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.of(serialize(input, context, locale));
		}

		private static <E extends RuntimeException> OffsetDateTime parse(String text,
				java.util.function.Function<String, E> error) {
			OffsetDateTime time;
			try {
				time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			}
			catch (DateTimeParseException ex) {
				throw error.apply("'" + text + "' is not an ISO-8601 date-time with an offset"
						+ " (e.g. 2026-11-26T10:15:30Z or 2026-11-26T11:15:30+01:00)");
			}
			return recordable(time, text, error);
		}

		/**
		 * Times are converted to UTC and review deadlines are added to them; near the
		 * edge of what OffsetDateTime holds either step overflows, so an instant outside
		 * the four-digit years is refused here, as the client's mistake.
		 */
		private static <E extends RuntimeException> OffsetDateTime recordable(OffsetDateTime time, String text,
				java.util.function.Function<String, E> error) {
			if (time.isBefore(Utc.START_OF_TIME) || time.isAfter(Utc.END_OF_TIME)) {
				throw error.apply("'" + text + "' is outside the years 0000 to 9999 (UTC) that Provenant records");
			}
			return time;
		}

	}

	static final class JsonCoercing implements Coercing<Object, Object> {

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) {
			return value;
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			if (!finite(input)) {
				throw new CoercingParseValueException("JSON numbers must be finite; a number here is too large for a "
						+ "64-bit floating point value");
			}
			return input;
		}

		/**
		 * JSON has no infinity: a number too large for a double would be stored as one.
		 */
		private static boolean finite(Object value) {
			if (value instanceof Double number) {
				return Double.isFinite(number);
			}
			if (value instanceof Float number) {
				return Float.isFinite(number);
			}
			if (value instanceof BigDecimal number) {
				return Double.isFinite(number.doubleValue());
			}
			if (value instanceof Map<?, ?> map) {
				return map.values().stream().allMatch(JsonCoercing::finite);
			}
			if (value instanceof List<?> list) {
				return list.stream().allMatch(JsonCoercing::finite);
			}
			return true;
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			return literal(input, variables);
		}

		private static Object literal(Value<?> input, CoercedVariables variables) {
			if (input instanceof NullValue) {
				return null;
			}
			if (input instanceof StringValue value) {
				return value.getValue();
			}
			if (input instanceof BooleanValue value) {
				return value.isValue();
			}
			if (input instanceof IntValue value) {
				BigInteger number = value.getValue();
				return (number.bitLength() < 64) ? (Object) number.longValue() : number;
			}
			if (input instanceof FloatValue value) {
				double number = value.getValue().doubleValue();
				if (!Double.isFinite(number)) {
					throw new CoercingParseLiteralException("JSON numbers must be finite; " + value.getValue()
							+ " is too large for a 64-bit floating point value");
				}
				return number;
			}
			if (input instanceof ArrayValue value) {
				List<Object> list = new ArrayList<>();
				value.getValues().forEach(item -> list.add(literal(item, variables)));
				return list;
			}
			if (input instanceof ObjectValue value) {
				Map<String, Object> map = new LinkedHashMap<>();
				value.getObjectFields()
					.forEach(field -> map.put(field.getName(), literal(field.getValue(), variables)));
				return map;
			}
			if (input instanceof VariableReference reference) {
				return variables.get(reference.getName());
			}
			throw new CoercingParseLiteralException("Unsupported JSON literal: " + input.getClass().getSimpleName());
		}

	}

}
