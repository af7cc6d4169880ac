package dev.provenant.api;

import java.util.HashMap;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema field is resolved by the code; the startup inspection leaves out only the
 * fields Spring cannot see through a DataFetcherResult.
 */
class SchemaInspectionIT extends GraphQlIT {

	@Autowired
	private GraphQlSource graphQlSource;

	@Test
	void everyFieldIsResolvedAndOnlyThoseBehindResultsAreLeftOut() {
		SchemaReport report = inspect(this.graphQlSource.schema());
		assertThat(SchemaInspection.unmappedFields(report)).isEmpty();
		assertThat(report.unmappedRegistrations()).isEmpty();
		assertThat(report.unmappedArguments()).isEmpty();
		assertThat(report.unmappedFields()).as("what Spring's report alone would call unmapped")
			.extracting(FieldCoordinates::getTypeName)
			.isNotEmpty()
			.containsOnly("BlastRadius", "ImpactGraph", "Lineage", "RollbackPlan");
	}

	private static SchemaReport inspect(GraphQLSchema schema) {
		Map<String, Map<String, DataFetcher>> fetchers = new HashMap<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
					if (schema.getCodeRegistry().hasDataFetcher(coordinates)) {
						fetchers.computeIfAbsent(object.getName(), name -> new HashMap<>())
							.put(field.getName(), schema.getCodeRegistry().getDataFetcher(coordinates, field));
					}
				}
			}
		}
		return SchemaMappingInspector.inspect(schema, fetchers);
	}

}
