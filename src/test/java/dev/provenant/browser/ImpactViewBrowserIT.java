package dev.provenant.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.provenant.support.BrowserIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's impact view, readable graph, time controls and audit panel, on the demo
 * graph (a credit-risk and a support-triage agent, seeded at startup) and on small
 * stories of the test's own. Its own store, closed after the class: the demo's pending
 * reviews must not reach the queues other browser tests read.
 */
// The demo batch is written at startup in one transaction, which a busy machine can keep
// past the default 5 s.
@TestPropertySource(properties = { "provenant.demo=true", "provenant.store.transaction-timeout=60s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImpactViewBrowserIT extends BrowserIT {

	private static final String BUREAU = "ds:credit-bureau-feed";

	private static final String AUTONOMOUS_32 = "group:DECISION:AUTONOMOUS:model:credit-risk:3.2.0";

	private ExplorerPage page;

	@Test
	void aDataSourceOpensOnWhatItFeedsWithDecisionsGroupedAndGroupsOpenOnClick() throws IOException {
		WebDriverWait wait = openAs(TestKeys.READER);
		this.page.search(BUREAU);
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-view", "DOWNSTREAM"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "8 decisions"));
		// Eight credit decisions: by model version and route, in four groups.
		assertThat(this.page.drawn()).contains(BUREAU, "feat:existing-debt", "feat:debt-to-income",
				"group:DECISION:AUTONOMOUS:model:credit-risk:3.1.0",
				"group:DECISION:HUMAN_REVIEW:model:credit-risk:3.1.0", AUTONOMOUS_32,
				"group:DECISION:HUMAN_REVIEW:model:credit-risk:3.2.0");
		assertThat(this.page.label(AUTONOMOUS_32)).isEqualTo("2 decisions\nAUTONOMOUS\nmodel:credit-risk:3.2.0");
		// Irreversible actions (a disbursement, a letter sent) stand apart from
		// reversible ones.
		assertThat(this.page.drawn()).anySatisfy(id -> {
			assertThat(id).startsWith("group:ACTION:irreversible:EXECUTED:AUTONOMOUS:model:credit-risk:3.2.0");
			assertThat(this.page.classes(id)).contains("irreversible");
			assertThat(this.page.label(id)).contains("IRREVERSIBLE");
		});
		assertThat(this.browser.findElement(By.id("summary")).getText()).contains("8 decisions");
		// For the documentation: a wider window, the whole graph fitted in.
		this.browser.manage().window().setSize(new Dimension(1920, 1080));
		this.browser.findElement(By.id("fit")).click();
		Files.write(Path.of("target", "explorer-impact.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		this.page.click(AUTONOMOUS_32);
		wait.until(ExpectedConditions.attributeContains(By.id("graph"), "data-expanded", AUTONOMOUS_32));
		waitUntilDrawn(wait, "dec:loan-2026-0418");
		assertThat(this.page.drawn()).contains("dec:loan-2026-0430").doesNotContain(AUTONOMOUS_32);
		assertThat(this.browser.getCurrentUrl()).contains("expand=");

		// The other direction: where the source came from (nothing, for a source).
		new Select(this.browser.findElement(By.id("direction"))).selectByValue("UPSTREAM");
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-view", "UPSTREAM"));
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "1"));
		assertThat(this.browser.getCurrentUrl()).contains("direction=UPSTREAM").doesNotContain("expand=");
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
	}

	@Test
	void aDecisionOpensOnItsLineageAndDepthBoundsBothDirections() {
		WebDriverWait wait = openAs(TestKeys.READER);
		this.page.search("dec:loan-2026-0418");
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-view", "UPSTREAM"));
		// It used debt-to-income, which is derived from existing debt.
		waitUntilDrawn(wait, "feat:existing-debt");
		new Select(this.browser.findElement(By.id("depth"))).selectByVisibleText("1");
		wait.until(ExpectedConditions.urlContains("depth=1"));
		wait.until(driver -> !this.page.drawn().contains("feat:existing-debt"));
		assertThat(this.page.drawn()).contains("dec:loan-2026-0418", "feat:debt-to-income", "model:credit-risk:3.2.0",
				BUREAU);

		new Select(this.browser.findElement(By.id("direction"))).selectByValue("DOWNSTREAM");
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-view", "DOWNSTREAM"));
		// Its actions, one hop away, grouped; the decision is the root.
		wait.until(driver -> this.page.drawn().stream().anyMatch(id -> id.startsWith("group:ACTION:")));
		assertThat(this.page.drawn()).contains("dec:loan-2026-0418");
	}

	@Test
	void theGraphIsReadableMarkedExplainedAndExportable() throws IOException {
		story().dataSource("crm")
			.with("name", "CRM extract")
			.feature("income", "crm")
			.decision("d1", "2026-11-02T09:00:00Z", "income")
			.action("a1", "2026-11-02T09:01:00Z", "d1")
			.decision("d2", "2026-11-02T10:00:00Z", "income")
			.with("route", "HUMAN_REVIEW")
			.action("a2", "2026-11-02T10:01:00Z", "d2")
			.with("reversible", false)
			.ingest(this.graphQl);
		quarantine("income");
		markRolledBack("a1", null, "sent to the wrong customer");

		WebDriverWait wait = openAs(TestKeys.READER);
		this.page.search(id("crm"));
		waitUntilDrawn(wait, id("income"));
		// Labels at 9 px or more on screen, names rather than ids where there are names.
		assertThat(this.page.renderedFontSize(id("crm"))).isGreaterThanOrEqualTo(9);
		assertThat(this.page.label(id("crm"))).isEqualTo("CRM extract");
		assertThat(this.page.classes(id("income"))).contains("quarantined");
		assertThat(this.page.label(id("income"))).contains("quarantined");
		String rolledBack = "group:ACTION:reversible:ROLLED_BACK:AUTONOMOUS:";
		assertThat(this.page.classes(rolledBack)).contains("rolledback");
		assertThat(this.page.label(rolledBack)).contains("rolled back");
		assertThat(this.page.classes("group:ACTION:irreversible:EXECUTED:HUMAN_REVIEW:")).contains("irreversible");
		String legend = this.browser.findElement(By.id("legend")).getText();
		assertThat(legend).contains("data source", "decision", "action", "data flow", "executes, triggered by",
				"attested approval", "quarantined", "rolled back", "irreversible action", "group: click to open");

		this.page.hover(id("income"));
		WebElement tip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip")));
		assertThat(tip.getText()).contains("FEATURE · " + id("income"), "QUARANTINED");

		this.page.panAway();
		assertThat(this.page.allInView()).isFalse();
		this.browser.findElement(By.id("fit")).click();
		assertThat(this.page.allInView()).isTrue();

		this.browser.findElement(By.id("export-png")).click();
		WebElement link = this.browser.findElement(By.id("png-link"));
		assertThat(link.getAttribute("download"))
			.isEqualTo("provenant-" + id("crm").replace(':', '_') + "-downstream.png");
		String href = link.getAttribute("href");
		assertThat(href).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1));
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(png.length).isGreaterThan(5_000);

		// A click shows its fields; double-clicking re-centres on it.
		this.page.click(id("income"));
		wait.until(ExpectedConditions.attributeToBe(By.id("details"), "data-node", id("income")));
		this.page.doubleClick(id("income"));
		wait.until(ExpectedConditions.urlContains("id=" + id("income").replace(":", "%3A")));
		wait.until(ExpectedConditions.attributeToBe(By.id("node-id"), "value", id("income")));
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
	}

	@Test
	void theWindowAndAsOfBoundEveryViewAndALinkRestoresThem() {
		this.clock.set(Instant.parse("2026-11-02T12:00:00Z"));
		story().dataSource("crm")
			.feature("income", "crm")
			.decision("early", "2026-11-01T09:00:00Z", "income")
			.action("a1", "2026-11-01T09:01:00Z", "early")
			.decision("late", "2026-11-02T09:00:00Z", "income")
			.action("a2", "2026-11-02T09:01:00Z", "late")
			.ingest(this.graphQl);
		this.clock.set(Instant.parse("2026-11-02T14:00:00Z"));
		markRolledBack("a2", null, "duplicate");

		WebDriverWait wait = openAs(TestKeys.READER);
		this.page.search(id("crm"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "2 decisions, 2 actions"));
		this.page.type("from", "2026-11-02T00:00:00Z");
		this.page.type("as-of", "2026-11-02T13:00:00Z");
		this.page.apply();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "1 decisions, 1 actions"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rollback-count"), "1 actions to revert"));
		// At 13:00 a2 still stood.
		assertThat(this.page.drawn()).contains("group:ACTION:reversible:EXECUTED:AUTONOMOUS:")
			.noneMatch(id -> id.contains("ROLLED_BACK"));
		assertThat(this.browser.findElement(By.id("answered")).getText())
			.contains("as recorded at 2026-11-02T13:00:00");
		String link = this.browser.getCurrentUrl();
		assertThat(link).contains("from=2026-11-02T00%3A00%3A00", "asOf=2026-11-02T13%3A00%3A00",
				"direction=DOWNSTREAM", "depth=3");

		// A fresh browser given the link sees the same, once it has the key.
		this.browser.quit();
		open(link.substring(link.indexOf("/explorer")));
		this.page = new ExplorerPage(this.browser);
		WebDriverWait again = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER + Keys.TAB);
		this.browser.navigate().refresh();
		again.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "1 decisions, 1 actions"));
		assertThat(this.browser.findElement(By.id("from")).getAttribute("value")).startsWith("2026-11-02T00:00:00");
		assertThat(this.browser.findElement(By.id("as-of")).getAttribute("value")).startsWith("2026-11-02T13:00:00");

		// A time the page cannot read is named, not sent.
		this.page.type("to", "yesterday");
		this.page.apply();
		again.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
				"to: \"yesterday\" is no date-time"));
	}

	@Test
	void anAuditorSeesANodesTrailWithAVerifiedChainAndAReaderIsToldWhy() throws IOException {
		story().dataSource("crm").feature("income", "crm").ingest(this.graphQl);
		quarantine("income");

		WebDriverWait wait = openAs(TestKeys.AUDITOR);
		this.page.search(id("crm"));
		waitUntilDrawn(wait, id("income"));
		this.page.click(id("income"));
		wait.until(ExpectedConditions.attributeToBe(By.id("audit"), "data-state", "verified"));
		assertThat(this.browser.findElement(By.id("audit")).getAttribute("data-node")).isEqualTo(id("income"));
		String trail = this.browser.findElement(By.id("audit-events")).getText();
		// Newest first: the quarantine (with its reason), then the ingest; both by the
		// admin key's principal.
		assertThat(trail).contains("QUARANTINE", "INGEST", "test-admin", "suspect");
		assertThat(trail.indexOf("QUARANTINE")).isLessThan(trail.indexOf("INGEST"));
		assertThat(this.browser.findElement(By.id("audit-badge")).getText()).startsWith("✓ verified");
		Files.write(Path.of("target", "explorer-audit.png"), this.browser.getScreenshotAs(OutputType.BYTES));
		this.browser.quit();

		wait = openAs(TestKeys.READER);
		this.page.search(id("crm"));
		wait.until(ExpectedConditions.attributeToBe(By.id("audit"), "data-state", "refused"));
		assertThat(this.browser.findElement(By.id("audit-note")).getText()).contains("auditor role", "FORBIDDEN");
	}

	@Test
	void anOperatorQuarantinesAfterAPreviewAndMarksThePlanRolledBackOneByOne() {
		story().dataSource("crm")
			.feature("income", "crm")
			.decision("d1", "2026-11-02T09:00:00Z", "income")
			.action("a1", "2026-11-02T09:01:00Z", "d1")
			.action("a2", "2026-11-02T09:02:00Z", "d1", "a1")
			.ingest(this.graphQl);

		// A reader is offered neither.
		WebDriverWait wait = openAs(TestKeys.READER);
		this.page.search(id("income"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rollback-count"), "2 actions to revert"));
		assertThat(this.browser.findElements(By.id("quarantine-open"))).isEmpty();
		assertThat(this.browser.findElement(By.id("rollback-marking")).isDisplayed()).isFalse();
		assertThat(this.browser.findElements(By.cssSelector("#rollback-steps button.mark"))).isEmpty();
		this.browser.quit();

		wait = openAs(TestKeys.ADMIN);
		this.page.search(id("income"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("quarantine-open"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quarantine-preview"),
				"concerns 1 decisions downstream (0 pending review) and 2 actions"));
		assertThat(node("income", "quarantined")).isEqualTo(false);
		this.browser.findElement(By.id("quarantine-confirm")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "a quarantine needs a reason"));
		this.browser.findElement(By.id("quarantine-reason")).sendKeys("Upstream feed corrupt");
		this.browser.findElement(By.id("quarantine-confirm")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("status"), id("income") + " is quarantined"));
		wait.until(driver -> this.page.classes(id("income")).contains("quarantined"));
		assertThat(node("income", "quarantined")).isEqualTo(true);

		// The plan, step by step: a2 (triggered by a1) first.
		this.browser.findElement(By.id("rollback-reason")).sendKeys("Letters sent in error");
		List<WebElement> marks = this.browser.findElements(By.cssSelector("#rollback-steps button.mark"));
		assertThat(marks).hasSize(2);
		marks.get(0).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rollback-progress"),
				"1 of 2 marked rolled back"));
		this.browser.findElements(By.cssSelector("#rollback-steps button.mark")).get(0).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rollback-progress"),
				"2 of 2 marked rolled back"));
		assertThat(node("a1", "status")).isEqualTo("ROLLED_BACK");
		assertThat(node("a2", "status")).isEqualTo("ROLLED_BACK");
	}

	private Object node(String local, String field) {
		return this.graphQl.document("query($id: ID!) { node(id: $id) { quarantined ... on Action { status } } }")
			.variable("id", id(local))
			.execute()
			.path("node." + field)
			.entity(Object.class)
			.get();
	}

	private WebDriverWait openAs(String key) {
		open("/explorer");
		this.page = new ExplorerPage(this.browser);
		this.browser.findElement(By.id("api-key")).sendKeys(key);
		return waiting();
	}

	private void waitUntilDrawn(WebDriverWait wait, String id) {
		wait.until(driver -> this.page.drawn().contains(id));
	}

}
