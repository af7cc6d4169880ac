package dev.provenant.api;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Depth, complexity and alias limits, checked before a query runs (the length limit is
 * checked before parsing, by {@link QueryLength}). A connection's cost scales with the
 * page asked for, so a client cannot multiply work by nesting large pages; the schema
 * introspection GraphiQL sends is exempt from the depth limit (it is deep but cheap and
 * fixed).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class QueryLimits {

	/** What {@code first} means when a connection field is asked without it. */
	static final int DEFAULT_PAGE = 100;

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(ApiProperties api) {
		return new MaxQueryDepthInstrumentation(api.maxQueryDepth()) {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
					return SimpleInstrumentationContext.noOp();
				}
				return super.beginExecuteOperation(parameters, state);
			}
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(ApiProperties api) {
		return new MaxQueryComplexityInstrumentation(api.maxQueryComplexity(), connectionsCostTheirPage());
	}

	/**
	 * Aliases let one request ask for the same field many times; the complexity limit
	 * counts each, but a cheap-looking field may do much work, so their number is capped
	 * too.
	 */
	@Bean
	Instrumentation maxAliases(ApiProperties api) {
		return new Instrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				long aliases = AliasCount.of(parameters.getExecutionContext().getDocument());
				if (aliases > api.maxAliases()) {
					throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
						.errorType(ErrorKind.BAD_REQUEST)
						.message("The query runs " + aliases + " aliased fields; the limit is " + api.maxAliases()
								+ " (provenant.api.max-aliases)")
						.extensions(Map.of("code", "TOO_MANY_ALIASES"))
						.build()));
				}
				return SimpleInstrumentationContext.noOp();
			}
		};
	}

	static FieldComplexityCalculator connectionsCostTheirPage() {
		return (environment, childComplexity) -> {
			String type = GraphQLTypeUtil.unwrapAll(environment.getFieldDefinition().getType()).getName();
			if (!type.endsWith("Connection")) {
				return 1 + childComplexity;
			}
			Object first = environment.getArguments().get("first");
			int page = (first instanceof Number number) ? Math.max(number.intValue(), 1) : DEFAULT_PAGE;
			return (int) Math.min(Integer.MAX_VALUE, (long) page * (1 + childComplexity));
		};
	}

	private static boolean introspectionOnly(OperationDefinition operation) {
		return operation.getOperation() == OperationDefinition.Operation.QUERY
				&& !operation.getSelectionSet().getSelections().isEmpty()
				&& operation.getSelectionSet()
					.getSelections()
					.stream()
					.allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
	}

}
