package dev.provenant.browser;

import dev.provenant.support.BrowserIT;
import org.junit.jupiter.api.Test;
import dev.provenant.support.TestKeys;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL renders in a real browser from the assets the service serves, and its queries
 * reach {@code /graphql} (without a key in the headers pane, the answer is the
 * UNAUTHORIZED error).
 */
class GraphiQlBrowserIT extends BrowserIT {

	@org.springframework.beans.factory.annotation.Autowired
	private dev.provenant.events.GovernanceEvents events;

	@Test
	void graphiQlRendersAndRunsAQueryAgainstTheService() {
		open("/graphiql");
		WebDriverWait wait = waiting();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
		assertThat(this.browser.findElement(By.cssSelector(".graphiql-query-editor")).getText())
			.contains("quarantines");
		this.browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-window"), "UNAUTHORIZED"));
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
	}

	@Test
	void aSubscriptionInGraphiQlShowsEscalationsAsTheyCommit() {
		open("/graphiql");
		WebDriverWait wait = waiting();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
		// The editors are CodeMirror 5 instances: set their text as a user would by
		// typing.
		((JavascriptExecutor) this.browser).executeScript(
				"document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0]);"
						+ "document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')"
						+ ".CodeMirror.setValue(arguments[1]);",
				"subscription { escalations { id subjectId } }", "{\"X-API-Key\": \"" + TestKeys.READER + "\"}");
		this.browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
		awaitListening();

		story().dataSource("crm")
			.feature("f", "crm")
			.decision("d1", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString(), "f")
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-window"),
				"escalation:" + id("d1")));
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
		assertTheKeyIsKeptForThisTabOnly();
	}

	/**
	 * The key typed in the headers pane lives in the tab's session storage, never in
	 * local storage, which outlives the tab.
	 */
	private void assertTheKeyIsKeptForThisTabOnly() {
		JavascriptExecutor page = this.browser;
		waiting().until(browser -> String
			.valueOf(page.executeScript("return JSON.stringify(Object.assign({}, window.sessionStorage));"))
			.contains(TestKeys.READER));
		assertThat(String.valueOf(page.executeScript("return JSON.stringify(Object.assign({}, window.localStorage));")))
			.doesNotContain(TestKeys.READER);
	}

	/** Until the service has registered the subscription GraphiQL sent. */
	private void awaitListening() {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (this.events.listeners() == 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		assertThat(this.events.listeners()).as("subscriptions open").isPositive();
	}

}
