package dev.provenant.node;

import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

class NodeIT extends GraphQlIT {

	@Test
	void eachKindAnswersWithItsOwnFieldsAndTypedEdges() {
		Story story = story().dataSource("crm")
			.with("name", "CRM")
			.feature("base", "crm")
			.feature("ratio", "base", "crm")
			.model("m", "ratio")
			.with("trainedOn", List.of("crm"))
			.approver("ana");
		story.ingest(this.graphQl);

		GraphQlTester.Response source = node(story.id("crm"));
		source.path("node.kind").entity(String.class).isEqualTo("DATA_SOURCE");
		source.path("node.name").entity(String.class).isEqualTo("CRM");
		source.path("node.uri").entity(String.class).isEqualTo("s3://bucket/crm");
		source.path("node.owner").entity(String.class).isEqualTo("data-team");

		// Neighbours come ordered by id: base before crm.
		node(story.id("ratio")).path("node.derivedFrom[*].kind")
			.entityList(String.class)
			.containsExactly("FEATURE", "DATA_SOURCE");

		GraphQlTester.Response model = node(story.id("m"));
		model.path("node.model").entity(String.class).isEqualTo("risk");
		model.path("node.trainedOn[*].id").entityList(String.class).containsExactly(story.id("crm"));
		model.path("node.usesFeatures[*].id").entityList(String.class).containsExactly(story.id("ratio"));

		node(story.id("ana")).path("node.role").entity(String.class).isEqualTo("credit-officer");
	}

	@Test
	void anUnknownIdIsNull() {
		node(id("nobody")).path("node").valueIsNull();
	}

	private GraphQlTester.Response node(String id) {
		return this.graphQl.documentName("node").variable("id", id).execute();
	}

}
