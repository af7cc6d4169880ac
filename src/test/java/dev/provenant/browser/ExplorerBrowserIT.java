package dev.provenant.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.provenant.support.BrowserIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lineage explorer in a real browser: search a node, see its upstream lineage drawn,
 * its fields, its blast radius and its rollback plan; re-centre on another node.
 */
class ExplorerBrowserIT extends BrowserIT {

	@Test
	void searchShowsLineageFieldsBlastRadiusAndRollbackPlan() throws Exception {
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
		this.browser.findElement(By.id("node-id")).sendKeys(id("d1"));
		this.browser.findElement(By.cssSelector("#search button")).click();

		// d1, its feature, the feature's source and the model version.
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "4"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "DECISION"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "1 decisions, 2 actions"));
		assertThat(this.browser.findElement(By.id("rollback-steps")).getText()).contains(id("a2"), id("a1"));
		assertThat(this.browser.findElement(By.id("rollback-steps")).getText().indexOf(id("a2")))
			.isLessThan(this.browser.findElement(By.id("rollback-steps")).getText().indexOf(id("a1")));
		Path shot = Path.of("target", "explorer.png");
		Files.write(shot, this.browser.getScreenshotAs(OutputType.BYTES));

		this.browser.findElement(By.id("node-id")).clear();
		this.browser.findElement(By.id("node-id")).sendKeys(id("crm"));
		this.browser.findElement(By.cssSelector("#search button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "quarantined"));
		wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-nodes", "1"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("impact-counts"), "1 decisions, 2 actions"));
	}

	@Test
	void aWrongKeyIsSaidNotDrawn() {
		open("/explorer?id=" + id("nothing"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Authentication required"));
	}

}
