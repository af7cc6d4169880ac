package dev.provenant.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.provenant.support.BrowserIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lineage explorer in a real browser: search a node by id or name, see its upstream
 * lineage drawn, its fields, its blast radius and its rollback plan; re-centre on another
 * node; work through the review queue.
 */
class ExplorerBrowserIT extends BrowserIT {

	/**
	 * The role of the reading reviewer's approver (ids without the test's prefix are
	 * shared, so it is fixed); only the test where that reviewer reviews uses it.
	 */
	private static final String OFFICER = "explorer-officer";

	@Test
	void anAttestedApprovalIsDrawnApartFromAVerifiedOne() {
		story().approver("ana")
			.with("role", OFFICER)
			.decision("attested", "2026-11-02T09:00:00Z")
			.with("route", "HUMAN_REVIEW")
			.with("approvedBy", List.of("ana"))
			.decision("verified", "2026-11-02T09:00:00Z")
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
		approve("verified", "ana");

		open("/explorer");
		WebDriverWait wait = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);
		new ExplorerPage(this.browser).search(id("attested"));
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "2"));
		assertThat(this.browser.findElement(By.id("graph")).getAttribute("data-attested")).isEqualTo("1");
		new ExplorerPage(this.browser).search(id("verified"));
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-verified", "1"));
		assertThat(this.browser.findElement(By.id("graph")).getAttribute("data-attested")).isEqualTo("0");
	}

	@Test
	void searchShowsLineageFieldsBlastRadiusAndRollbackPlan() {
		story().dataSource("crm")
			.feature("income", "crm")
			.model("risk", "income")
			.decision("d1", "2026-11-02T09:00:00Z", "income")
			.with("modelVersion", "risk")
			.action("a1", "2026-11-02T09:01:00Z", "d1")
			.action("a2", "2026-11-02T09:02:00Z", "d1", "a1")
			.ingest(this.graphQl);
		quarantine("crm");

		open("/explorer");
		WebDriverWait wait = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);
		new ExplorerPage(this.browser).search(id("d1"));

		// d1, its feature, the feature's source and the model version.
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "4"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "DECISION"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "1 decisions, 2 actions"));
		String plan = this.browser.findElement(By.id("rollback-steps")).getText();
		assertThat(plan).contains(id("a2"), id("a1"));
		assertThat(plan.indexOf(id("a2"))).isLessThan(plan.indexOf(id("a1")));

		// A source opens on what it feeds: its feature, the model using that, the
		// decision and the two actions (in a group each).
		new ExplorerPage(this.browser).search(id("crm"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "quarantined"));
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-view", "DOWNSTREAM"));
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "5"));
		assertThat(this.browser.findElement(By.id("graph")).getAttribute("data-groups")).isEqualTo("2");
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "1 decisions, 2 actions"));
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
	}

	@Test
	void aNameOffersTheNodesItMatchesAndAPickShowsItsLineage() {
		String tag = reviewStory(id("officer"));
		open("/explorer");
		WebDriverWait wait = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);

		// As the user types: the nodes named so, to pick from.
		this.browser.findElement(By.id("node-id")).sendKeys(tag + " debt");
		hit(id("dti")).click();
		// What the feature feeds: the model that uses it and the two decisions (a group).
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "3"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "Debt-to-income"));
		assertThat(this.browser.findElement(By.id("hits")).isDisplayed()).isFalse();

		// On submit, a text that is no id offers its matches too.
		new ExplorerPage(this.browser).search(tag + " CREDIT");
		hit(id("bureau"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "pick one"));
		assertThat(this.browser.findElement(By.id("hits")).getAttribute("data-hits")).isEqualTo("1");

		new ExplorerPage(this.browser).search(tag + " nothing-is-called-this");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No node matches"));
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
	}

	@Test
	void aReviewerApprovesFromTheQueueWhereOverdueItemsStandOut() throws Exception {
		reviewStory(OFFICER);
		open("/explorer");
		WebDriverWait wait = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READING_REVIEWER);
		List<WebElement> rows = queue(OFFICER, 2);
		// Earliest deadline first; the late one's deadline (10:00) has passed at 11:00.
		assertThat(rows).extracting(row -> row.getAttribute("data-decision")).containsExactly(id("late"), id("soon"));
		assertThat(rows.get(0).getAttribute("class")).contains("overdue");
		assertThat(rows.get(1).getAttribute("class")).doesNotContain("overdue");
		assertThat(rows.get(0).getText()).contains("2026-11-02T10:00:00Z", "LOW_CONFIDENCE", OFFICER, "loan-0007");

		// Clicking an item shows its lineage: the decision, its feature and the feature's
		// source, the model version and the policy.
		rows.get(0).findElement(By.cssSelector(".decision-name")).click();
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "5"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "PENDING"));
		wait.until(ExpectedConditions.attributeToBeNotEmpty(this.browser.findElement(By.id("answered")), "data-ms"));
		Files.write(Path.of("target", "explorer.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		rows.get(0).findElement(By.cssSelector("button.approve")).click();
		// No rationale: the page asks for one before calling the service.
		wait.until(ExpectedConditions.elementToBeClickable(By.id("verdict-submit"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "rationale"));
		this.browser.findElement(By.id("rationale")).sendKeys("Income checked with the bureau by phone");
		this.browser.findElement(By.id("verdict-submit")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), id("late") + " is APPROVED"));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#review-items tr.review"), 1));
		assertThat(this.browser.findElement(By.id("review-count")).getText()).isEqualTo("1 pending");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "APPROVED"));
		this.graphQl.document(
				"query($id: ID!) { node(id: $id) { ... on Decision { reviewState reviews { approver { id } rationale } } } }")
			.variable("id", id("late"))
			.execute()
			.path("node.reviews[0].approver.id")
			.entity(String.class)
			.isEqualTo(TestKeys.READING_REVIEWER_PRINCIPAL);
	}

	@Test
	void theQueueFollowsNewEscalationsWithoutAskingAgain() {
		reviewStory(id("officer"));
		open("/explorer");
		WebDriverWait wait = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);
		queue(id("officer"), 2);
		wait.until(ExpectedConditions.attributeToBe(By.id("reviews"), "data-live", "true"));

		story().decision("new", "2026-11-02T10:30:00Z", "dti")
			.with("subject", "loan-0009")
			.with("route", "HUMAN_REVIEW")
			.with("policy", "lending")
			.ingest(this.graphQl);
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#review-items tr.review"), 3));
		assertThat(this.browser.findElement(By.id("review-items")).getText()).contains("loan-0009");
	}

	@Test
	void aReaderIsNotOfferedVerdicts() {
		reviewStory(id("officer"));
		open("/explorer");
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);
		List<WebElement> rows = queue(id("officer"), 2);
		assertThat(rows.get(0).getText()).contains("loan-0007");
		assertThat(this.browser.findElements(By.cssSelector("#review-items button"))).isEmpty();
	}

	@Test
	void aWrongKeyIsSaidNotDrawn() {
		open("/explorer?id=" + id("nothing"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Authentication required"));
	}

	/**
	 * A credit bureau feed (named with a word unique to the test) feeds the
	 * debt-to-income feature a risk model uses; under a lending policy that officers in
	 * {@code role} review within four hours, decision late (06:00, confidence too low)
	 * and decision soon (09:00) wait for review. The reading reviewer's approver is an
	 * {@link #OFFICER}. It is 11:00.
	 * @return the word unique to the test
	 */
	private String reviewStory(String role) {
		String tag = "tag" + id("").substring(1, 9);
		story().dataSource("bureau")
			.with("name", tag + " Credit bureau feed")
			.feature("dti", "bureau")
			.with("name", tag + " Debt-to-income")
			.model("risk", "dti")
			.add("policies", "id", "lending", "name", "Consumer lending", "minConfidence", 0.8, "approverRoles",
					List.of(role), "reviewSla", "PT4H")
			.decision("late", "2026-11-02T06:00:00Z", "dti")
			.with("subject", "loan-0007")
			.with("confidence", 0.5)
			.with("route", "HUMAN_REVIEW")
			.with("policy", "lending")
			.with("modelVersion", "risk")
			.decision("soon", "2026-11-02T09:00:00Z", "dti")
			.with("subject", "loan-0008")
			.with("route", "HUMAN_REVIEW")
			.with("policy", "lending")
			.with("modelVersion", "risk")
			.ingest(this.graphQl);
		this.graphQl.documentName("ingest")
			.variable("batch",
					Map.of("approvers", List.of(Map.of("id", TestKeys.READING_REVIEWER_PRINCIPAL, "role", OFFICER))))
			.execute()
			.errors()
			.verify();
		this.clock.set(Instant.parse("2026-11-02T11:00:00Z"));
		return tag;
	}

	/** The pick list's entry for a node, once it is there. */
	private WebElement hit(String id) {
		return waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#hits button[data-id='" + id + "']")));
	}

	/** Filters the review queue by role and waits for its items. */
	private List<WebElement> queue(String role, int items) {
		this.browser.findElement(By.id("review-role")).sendKeys(role);
		this.browser.findElement(By.cssSelector("#review-filter button")).click();
		waiting().until(ExpectedConditions.attributeToBe(By.id("reviews"), "data-role", role));
		return waiting()
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#review-items tr.review"), items));
	}

}
