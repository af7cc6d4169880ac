package dev.provenant.api;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
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
 * Depth and complexity limits, checked before a query runs. A connection's cost scales
 * with the page asked for, so a client cannot multiply work by nesting large pages; the
 * schema introspection GraphiQL sends is exempt from the depth limit (it is deep but
 * cheap and fixed).
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
