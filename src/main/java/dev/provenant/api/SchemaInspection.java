package dev.provenant.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.execution.DataFetcherResult;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * Checks at startup that every schema field is resolved by the code, and says so only
 * when something disagrees. Spring's own report lists as unmapped every field of a type
 * that a controller returns inside a {@link DataFetcherResult} (which Provenant uses to
 * pass {@code asOf} down), because it cannot see the Java type through it: those fields
 * are resolved (every query's test reads them), so they are left out here instead of
 * alarming whoever reads the startup log.
 */
@Component
class SchemaInspection implements GraphQlSourceBuilderCustomizer {

	private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.inspectSchemaMappings(SchemaInspection::report);
	}

	static void report(SchemaReport report) {
		List<FieldCoordinates> unmapped = unmappedFields(report);
		if (unmapped.isEmpty() && report.unmappedRegistrations().isEmpty() && report.unmappedArguments().isEmpty()
				&& report.fieldNullnessErrors().isEmpty() && report.argumentNullnessErrors().isEmpty()) {
			log.debug("GraphQL schema inspection: {}", report);
			return;
		}
		log.warn(
				"The GraphQL schema and the code disagree: unmapped fields {}, unmapped registrations {}, "
						+ "unmapped arguments {}, field nullness {}, argument nullness {}",
				unmapped, report.unmappedRegistrations().keySet(), report.unmappedArguments(),
				report.fieldNullnessErrors(), report.argumentNullnessErrors());
	}

	/** Unmapped fields, less those of types returned only inside a DataFetcherResult. */
	static List<FieldCoordinates> unmappedFields(SchemaReport report) {
		Set<String> behindResults = new HashSet<>();
		for (GraphQLNamedType type : report.schema().getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					if (report.dataFetcher(
							FieldCoordinates.coordinates(object, field)) instanceof SelfDescribingDataFetcher<?> fetcher
							&& DataFetcherResult.class.equals(fetcher.getReturnType().resolve())) {
						behindResults.add(((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName());
					}
				}
			}
		}
		return report.unmappedFields().stream().filter(field -> !behindResults.contains(field.getTypeName())).toList();
	}

}
