package dev.provenant.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static dev.provenant.support.Errors.classification;
import static org.assertj.core.api.Assertions.assertThat;

class IngestIT extends GraphQlIT {

	private static final String T1 = "2026-11-01T10:00:00Z";

	private static final String T2 = "2026-11-01T11:00:00Z";

	private Story creditRisk() {
		return story().dataSource("crm")
			.feature("income", "crm")
			.feature("ratio", "income", "crm")
			.model("risk", "ratio")
			.with("trainedOn", List.of("crm"))
			.prompt("explain")
			.policy("lending")
			.approver("ana")
			.decision("d1", T1, "ratio")
			.with("modelVersion", "risk")
			.with("promptVersion", "explain")
			.with("policy", "lending")
			.with("approvedBy", List.of("ana"))
			.with("dataSources", List.of("crm"))
			.with("route", "HUMAN_REVIEW")
			.action("a1", T2, "d1")
			.action("a2", T2, "d1", "a1");
	}

	@Test
	void ingestCreatesEveryNodeAndEdgeAndReportsTheCounts() {
		Story story = creditRisk();
		GraphQlTester.Response response = story.ingest(this.graphQl);
		response.path("ingest.created").entity(Integer.class).isEqualTo(10);
		response.path("ingest.unchanged").entity(Integer.class).isEqualTo(0);
		// income→crm, ratio→income, ratio→crm, risk→ratio, risk→crm, d1: USED, MADE_BY,
		// PROMPTED_BY, GOVERNED_BY,
		// APPROVED_BY, READ; a1→d1, a2→d1, a2→a1
		response.path("ingest.edgesCreated").entity(Integer.class).isEqualTo(14);

		GraphQlTester.Response decision = this.graphQl.documentName("node").variable("id", story.id("d1")).execute();
		decision.path("node.kind").entity(String.class).isEqualTo("DECISION");
		decision.path("node.route").entity(String.class).isEqualTo("HUMAN_REVIEW");
		decision.path("node.features[*].id").entityList(String.class).containsExactly(story.id("ratio"));
		decision.path("node.dataSources[*].id").entityList(String.class).containsExactly(story.id("crm"));
		decision.path("node.modelVersion.id").entity(String.class).isEqualTo(story.id("risk"));
		decision.path("node.promptVersion.id").entity(String.class).isEqualTo(story.id("explain"));
		decision.path("node.policy.id").entity(String.class).isEqualTo(story.id("lending"));
		decision.path("node.approvedBy[*].id").entityList(String.class).containsExactly(story.id("ana"));
		decision.path("node.actions[*].id").entityList(String.class).containsExactly(story.id("a1"), story.id("a2"));
		decision.path("node.occurredAt").entity(String.class).isEqualTo(T1);
		decision.path("node.recordedAt").hasValue();

		GraphQlTester.Response action = this.graphQl.documentName("node").variable("id", story.id("a2")).execute();
		action.path("node.status").entity(String.class).isEqualTo("EXECUTED");
		action.path("node.reversible").entity(Boolean.class).isEqualTo(true);
		action.path("node.decision.id").entity(String.class).isEqualTo(story.id("d1"));
		action.path("node.triggeredBy[*].id").entityList(String.class).containsExactly(story.id("a1"));
	}

	@Test
	void promptTemplateIsStoredAsItsSha256AndAttributesComeBackAsGiven() throws Exception {
		Story story = story().prompt("p").with("attributes", Map.of("team", "risk", "nested", Map.of("n", 1)));
		story.ingest(this.graphQl);
		GraphQlTester.Response prompt = this.graphQl.documentName("node").variable("id", story.id("p")).execute();
		prompt.path("node.templateSha256").entity(String.class).isEqualTo(sha256("Explain {x}"));
		prompt.path("node.attributes.team").entity(String.class).isEqualTo("risk");
		prompt.path("node.attributes.nested.n").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void attributesWrittenInlineInTheDocumentAreKeptAsJson() {
		String id = id("inline");
		this.graphQl.document("mutation { ingest(batch: { policies: [{ id: \"" + id
				+ "\", attributes: { limit: 12000, rate: 0.5, tags: [\"eu\", \"retail\"], strict: true, note: null, "
				+ "nested: { big: 123456789012345 } } }] }) { created } }")
			.execute()
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(1);
		GraphQlTester.Response policy = this.graphQl.documentName("node").variable("id", id).execute();
		policy.path("node.attributes.limit").entity(Integer.class).isEqualTo(12000);
		policy.path("node.attributes.rate").entity(Double.class).isEqualTo(0.5);
		policy.path("node.attributes.tags").entityList(String.class).containsExactly("eu", "retail");
		policy.path("node.attributes.strict").entity(Boolean.class).isEqualTo(true);
		policy.path("node.attributes.nested.big").entity(Long.class).isEqualTo(123456789012345L);
	}

	@Test
	void aNumberTooLargeForADoubleIsRefusedInlineOrAsAVariable() {
		this.graphQl
			.document("mutation { ingest(batch: { policies: [{ id: \"" + id("huge-inline")
					+ "\", attributes: { limit: 1e400 } }] }) { created } }")
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		this.graphQl.documentName("ingest")
			.variable("batch",
					Map.of("policies",
							List.of(Map.of("id", id("huge"), "attributes",
									Map.of("rates", List.of(1.0, new java.math.BigDecimal("1e400")))))))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		for (String local : List.of("huge-inline", "huge")) {
			this.graphQl.documentName("node").variable("id", id(local)).execute().path("node").valueIsNull();
		}
	}

	@Test
	void resendingTheSameRecordsChangesNothingAndCountsThemUnchanged() {
		Story story = creditRisk();
		story.ingest(this.graphQl);
		GraphQlTester.Response again = story.ingest(this.graphQl);
		again.path("ingest.created").entity(Integer.class).isEqualTo(0);
		again.path("ingest.unchanged").entity(Integer.class).isEqualTo(10);
		again.path("ingest.edgesCreated").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void theSameInstantWithAnotherOffsetAndReferencesInAnotherOrderAreTheSameRecord() {
		story().dataSource("a")
			.dataSource("b")
			.decision("d", "2026-11-01T10:00:00Z")
			.with("dataSources", List.of("a", "b"))
			.ingest(this.graphQl);
		Story same = story().decision("d", "2026-11-01T11:00:00+01:00").with("dataSources", List.of("b", "a"));
		same.ingest(this.graphQl).path("ingest.unchanged").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void referencesMayPointToRecordsLaterInTheBatchOrStoredEarlier() {
		Story first = story().action("a1", T2, "d1").decision("d1", T1, "f1").feature("f1", "f0").feature("f0");
		first.ingest(this.graphQl).path("ingest.created").entity(Integer.class).isEqualTo(4);
		Story second = story().action("a2", T2, "d1", "a1");
		second.ingest(this.graphQl).path("ingest.created").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void anIdenticalRecordTwiceInOneBatchIsCreatedOnce() {
		Story story = story().dataSource("crm").dataSource("crm");
		GraphQlTester.Response response = story.ingest(this.graphQl);
		response.path("ingest.created").entity(Integer.class).isEqualTo(1);
		response.path("ingest.unchanged").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void anUnknownReferenceRejectsTheWholeBatch() {
		Story story = story().dataSource("crm").feature("f", "crm", "missing");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).contains("features[0]", story.id("missing"));
			assertThat(error.getExtensions()).containsEntry("code", "UNKNOWN_REFERENCE")
				.containsEntry("record", "features[0]")
				.containsEntry("field", "derivedFrom");
		});
		assertNotStored(story.id("crm"));
		assertNotStored(story.id("f"));
	}

	@Test
	void aReferenceToTheWrongKindIsRejected() {
		Story story = story().dataSource("crm")
			.decision("d", T1)
			.with("modelVersion", "crm")
			.action("a", T2, "crm")
			.feature("f", "d");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors).extracting(e -> e.getExtensions().get("record"))
			.containsExactlyInAnyOrder("decisions[0]", "actions[0]", "features[0]");
		assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsOnly("WRONG_KIND");
		assertNotStored(story.id("crm"));
	}

	@Test
	void reSendingAStoredIdWithOtherContentIsAConflict() {
		story().dataSource("crm").ingest(this.graphQl);
		Story changed = story().dataSource("crm").with("owner", "someone-else").dataSource("new");
		List<ResponseError> errors = reject(changed);
		assertAll(errors, "CONFLICT");
		assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains(changed.id("crm")));
		assertNotStored(changed.id("new"));
		this.graphQl.documentName("node")
			.variable("id", changed.id("crm"))
			.execute()
			.path("node.owner")
			.entity(String.class)
			.isEqualTo("data-team");
	}

	@Test
	void reusingAnIdForAnotherKindIsAConflict() {
		story().dataSource("x").ingest(this.graphQl);
		List<ResponseError> errors = reject(story().feature("x"));
		assertAll(errors, "CONFLICT");
		assertThat(errors.get(0).getMessage()).contains("DATA_SOURCE");
	}

	@Test
	void oneIdTwiceInABatchWithDifferentContentIsAConflict() {
		Story story = story().dataSource("crm").dataSource("crm").with("owner", "other");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "CONFLICT");
		assertThat(errors.get(0).getMessage()).contains("dataSources[1]", "dataSources[0]");
	}

	@Test
	void aCycleAmongFeaturesIsRejectedNamingEachFeatureInIt() {
		Story story = story().feature("a", "c").feature("b", "a").feature("c", "b").feature("ok");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors).extracting(e -> e.getExtensions().get("id"))
			.containsExactlyInAnyOrder(story.id("a"), story.id("b"), story.id("c"));
		assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsOnly("CYCLE");
		assertNotStored(story.id("ok"));
	}

	@Test
	void aCycleAmongActionsAndAnActionTriggeredByItselfAreRejected() {
		Story story = story().decision("d", T1)
			.action("a", T2, "d", "b")
			.action("b", T2, "d", "a")
			.action("self", T2, "d", "self");
		List<ResponseError> errors = reject(story);
		assertThat(errors).extracting(e -> e.getExtensions().get("id"))
			.containsExactlyInAnyOrder(story.id("a"), story.id("b"), story.id("self"));
		assertAll(errors, "BAD_REQUEST");
	}

	@Test
	void invalidValuesAreRejectedEachNamingItsRecord() {
		Story story = story().dataSource("empty")
			.with("id", "")
			.dataSource("long")
			.with("id", "x".repeat(257))
			.decision("high", T1)
			.with("confidence", 1.5)
			.decision("low", T1)
			.with("confidence", -0.01)
			.policy("list")
			.with("attributes", List.of(1, 2))
			.policy("text")
			.with("attributes", "not an object")
			.approver("blank")
			.with("role", " ");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors).extracting(e -> e.getExtensions().get("record"))
			.containsExactlyInAnyOrder("dataSources[0]", "dataSources[1]", "decisions[0]", "decisions[1]",
					"policies[0]", "policies[1]", "approvers[0]");
		assertThat(errors).extracting(ResponseError::getMessage)
			.anySatisfy(m -> assertThat(m).contains("confidence must be between 0 and 1"))
			.anySatisfy(m -> assertThat(m).contains("at most 256 characters"))
			.anySatisfy(m -> assertThat(m).contains("attributes must be a JSON object"));
	}

	@Test
	void confidenceOnTheBoundsIsAccepted() {
		story().decision("zero", T1)
			.with("confidence", 0)
			.decision("one", T1)
			.with("confidence", 1)
			.ingest(this.graphQl)
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void aTimestampWithoutOffsetIsABadRequest() {
		Story story = story().dataSource("ok").decision("d", "2026-11-01T10:00:00");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors.get(0).getMessage()).contains("offset");
		assertNotStored(story.id("ok"));
	}

	@Test
	void aTimestampOutsideTheFourDigitYearsIsABadRequestNotAnInternalError() {
		Story story = story().dataSource("ok")
			.decision("late", "+999999999-12-31T23:59:59Z")
			.decision("early", "-999999999-01-01T00:00:00+18:00");
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors.get(0).getMessage()).contains("years 0000 to 9999");
		assertNotStored(story.id("ok"));
		this.graphQl.document("query($id: ID!) { node(id: $id, asOf: \"+999999999-12-31T23:59:59-18:00\") { id } }")
			.variable("id", story.id("ok"))
			.execute()
			.errors()
			.satisfy(asOf -> assertAll(asOf, "BAD_REQUEST"));
	}

	@Test
	void timestampsOnTheEdgesOfTheFourDigitYearsAreRecorded() {
		story().decision("first", "0000-01-01T00:00:00Z")
			.decision("last", "9999-12-31T23:59:59.999999999Z")
			.ingest(this.graphQl)
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void aBatchOverTheLimitIsRejected() {
		Story story = story();
		for (int i = 0; i <= 500; i++) {
			story.dataSource("ds" + i);
		}
		List<ResponseError> errors = reject(story);
		assertAll(errors, "BAD_REQUEST");
		assertThat(errors.get(0).getMessage()).contains("501", "500");
		assertNotStored(story.id("ds0"));
	}

	@Test
	void everyOffendingRecordIsNamedInOneAnswer() {
		story().dataSource("stored").ingest(this.graphQl);
		Story story = story().dataSource("stored")
			.with("owner", "changed")
			.feature("f", "ghost")
			.decision("d", T1)
			.with("confidence", 2);
		List<ResponseError> errors = reject(story);
		assertThat(errors).extracting(e -> e.getExtensions().get("record"))
			.containsExactlyInAnyOrder("dataSources[0]", "features[0]", "decisions[0]");
		assertThat(errors).extracting(e -> classification(e))
			.containsExactlyInAnyOrder("CONFLICT", "BAD_REQUEST", "BAD_REQUEST");
	}

	private List<ResponseError> reject(Story story) {
		GraphQlTester.Response response = this.graphQl.documentName("ingest")
			.variable("batch", story.batch())
			.execute();
		List<ResponseError> errors = new ArrayList<>();
		response.errors().satisfy(errors::addAll);
		return errors;
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private void assertNotStored(String id) {
		this.graphQl.documentName("node").variable("id", id).execute().path("node").valueIsNull();
	}

}
