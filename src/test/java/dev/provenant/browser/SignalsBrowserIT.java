package dev.provenant.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.provenant.support.BrowserIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signals page on the demo graph: decision statistics per model version charted day
 * by day, the rows behind the charts, and drift between two windows. Its own store with
 * the demo graph, closed after the class (see {@link ImpactViewBrowserIT}).
 */
// The demo batch is written at startup in one transaction, which a busy machine can keep
// past the default 5 s.
@TestPropertySource(properties = { "provenant.demo=true", "provenant.store.transaction-timeout=60s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignalsBrowserIT extends BrowserIT {

	@Test
	void decisionStatsPerModelVersionAreChartedDayByDayAndDriftIsCompared() throws IOException {
		open("/explorer/signals");
		WebDriverWait wait = waiting();
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);
		type("from", "2026-11-16T00:00:00Z");
		type("to", "2026-11-21T00:00:00Z");
		this.browser.findElement(By.cssSelector("#stats button[type=submit]")).click();

		// The demo's 14 decisions: credit-risk 3.1.0 and 3.2.0, support-triage 1.4.0,
		// over
		// five days.
		wait.until(ExpectedConditions.attributeToBe(By.id("rows"), "data-decisions", "14"));
		WebElement charts = this.browser.findElement(By.cssSelector(".charts"));
		assertThat(charts.getAttribute("data-groups")).isEqualTo("3");
		assertThat(charts.getAttribute("data-buckets")).isEqualTo("5");
		assertThat(this.browser.findElement(By.id("rows")).getText()).contains("model:credit-risk:3.1.0",
				"model:credit-risk:3.2.0", "model:support-triage:1.4.0");
		for (String chart : new String[] { "decisions", "review", "confidence" }) {
			assertThat(series(chart)).as(chart).isEqualTo((chart.equals("confidence") ? 9 : 3));
			assertThat(this.browser.findElements(By.cssSelector("#chart-" + chart + " canvas"))).as(chart).isNotEmpty();
		}
		assertThat(this.browser.getCurrentUrl()).contains("bucket=DAY", "groupBy=MODEL_VERSION");

		type("drift-id", "model:credit-risk:3.2.0");
		type("baseline-from", "2026-11-17T00:00:00Z");
		type("baseline-to", "2026-11-18T00:00:00Z");
		type("current-from", "2026-11-18T00:00:00Z");
		type("current-to", "2026-11-20T00:00:00Z");
		this.browser.findElement(By.cssSelector("#drift button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drift-result"), "Confidence PSI"));
		assertThat(this.browser.findElement(By.id("drift-result")).getText()).contains("2 decisions in the baseline",
				"3 now");
		Files.write(Path.of("target", "explorer-signals.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		// A time the page cannot read is named, not sent.
		type("to", "soon");
		this.browser.findElement(By.cssSelector("#stats button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "to: \"soon\" is no date-time"));
		assertThat(cspViolations()).as("refused by the Content-Security-Policy").isEmpty();
	}

	private long series(String chart) {
		return (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return window.provenantSignals.charts[arguments[0]].getOption().series.length;", chart);
	}

	private void type(String field, String text) {
		WebElement input = this.browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

}
