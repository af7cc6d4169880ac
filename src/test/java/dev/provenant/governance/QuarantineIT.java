package dev.provenant.governance;

import java.util.List;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static dev.provenant.support.Errors.assertAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story: model m uses feature f, derived from data source crm. Decisions d1
 * (autonomous, with actions a1 and a2) and d2 (waiting for the test's officers) were made
 * by m.
 */
class QuarantineIT extends GraphQlIT {

	private Story story;

	@BeforeEach
	void tellTheStory() {
		this.story = story().dataSource("crm")
			.feature("f", "crm")
			.model("m", "f")
			.add("policies", "id", "pol", "approverRoles", List.of(id("officer")))
			.decision("d1", "2026-11-02T09:00:00Z")
			.with("modelVersion", "m")
			.with("policy", "pol")
			.decision("d2", "2026-11-02T10:00:00Z")
			.with("modelVersion", "m")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.action("a1", "2026-11-02T09:01:00Z", "d1")
			.action("a2", "2026-11-02T09:02:00Z", "d1", "a1");
		this.story.ingest(this.graphQl);
	}

	@Test
	void quarantineReportsWhatTheNodeTouched() {
		GraphQlTester.Response report = quarantineBecause("m", "drift detected");
		report.path("quarantine.node.id").entity(String.class).isEqualTo(id("m"));
		report.path("quarantine.node.quarantined").entity(Boolean.class).isEqualTo(true);
		report.path("quarantine.decisionCount").entity(Integer.class).isEqualTo(2);
		report.path("quarantine.actionCount").entity(Integer.class).isEqualTo(2);
		report.path("quarantine.pendingReviews").entity(Integer.class).isEqualTo(1);
		this.graphQl.documentName("node")
			.variable("id", id("m"))
			.execute()
			.path("node.quarantined")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void aPreviewReportsWhatAQuarantineWouldFlagAndWritesNothing() {
		GraphQlTester.Response preview = as(TestKeys.READER).documentName("quarantinePreview")
			.variable("id", id("m"))
			.execute();
		preview.path("quarantinePreview.decisionCount").entity(Integer.class).isEqualTo(2);
		preview.path("quarantinePreview.actionCount").entity(Integer.class).isEqualTo(2);
		preview.path("quarantinePreview.pendingReviews").entity(Integer.class).isEqualTo(1);
		preview.path("quarantinePreview.node.quarantined").entity(Boolean.class).isEqualTo(false);
		this.graphQl.documentName("node")
			.variable("id", id("m"))
			.execute()
			.path("node.quarantined")
			.entity(Boolean.class)
			.isEqualTo(false);
		previewOf("d1").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		previewOf("ghost").errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		as(null).documentName("quarantinePreview")
			.variable("id", id("m"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "UNAUTHORIZED"));
		as(TestKeys.WRITER).documentName("quarantinePreview")
			.variable("id", id("m"))
			.execute()
			.errors()
			.satisfy(errors -> assertAll(errors, "FORBIDDEN"));
	}

	private GraphQlTester.Response previewOf(String local) {
		return this.graphQl.documentName("quarantinePreview").variable("id", id(local)).execute();
	}

	@Test
	void quarantineAndReleaseAreIdempotentAndKeptAsHistory() {
		quarantineBecause("crm", "corrupt feed");
		quarantineBecause("crm", "still corrupt");
		assertThat(history(true)).extracting(h -> h.get("action")).containsExactly("QUARANTINE");

		releaseBecause("crm", "vendor fixed it");
		releaseBecause("crm", "again");
		assertThat(history(true)).isEmpty();
		List<java.util.Map<String, Object>> all = history(false);
		assertThat(all).extracting(h -> h.get("action")).containsExactly("QUARANTINE", "RELEASE");
		assertThat(all).extracting(h -> h.get("reason")).containsExactly("corrupt feed", "vendor fixed it");
		assertThat(all).extracting(h -> h.get("actor")).containsOnly("test-admin");

		quarantineBecause("crm", "broken once more");
		assertThat(history(true)).extracting(h -> h.get("action"))
			.containsExactly("QUARANTINE", "RELEASE", "QUARANTINE");
	}

	@Test
	void onlyInputsCanBeQuarantinedAndTheRequestMustSayWhy() {
		quarantineBecause("d1", "no").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		quarantineBecause("ghost", "no").errors().satisfy(errors -> assertAll(errors, "NOT_FOUND"));
		quarantineBecause("crm", " ").errors().satisfy(errors -> assertAll(errors, "BAD_REQUEST"));
		this.graphQl.documentName("node")
			.variable("id", id("crm"))
			.execute()
			.path("node.quarantined")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@SuppressWarnings("unchecked")
	private List<java.util.Map<String, Object>> history(boolean activeOnly) {
		List<java.util.Map<String, Object>> quarantines = this.graphQl.documentName("quarantines")
			.variable("activeOnly", activeOnly)
			.execute()
			.path("quarantines")
			.entityList(java.util.Map.class)
			.get()
			.stream()
			.map(q -> (java.util.Map<String, Object>) q)
			.filter(q -> id("crm").equals(((java.util.Map<String, Object>) q.get("node")).get("id")))
			.toList();
		return quarantines.isEmpty() ? List.of()
				: (List<java.util.Map<String, Object>>) quarantines.get(0).get("history");
	}

	private GraphQlTester.Response quarantineBecause(String local, String reason) {
		return this.graphQl.documentName("quarantine")
			.variable("id", id(local))
			.variable("reason", reason)
			.variable("note", "incident-7")
			.execute();
	}

	private void releaseBecause(String local, String reason) {
		this.graphQl.documentName("release")
			.variable("id", id(local))
			.variable("reason", reason)
			.variable("note", "incident-7")
			.execute()
			.path("release.node.quarantined")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

}
