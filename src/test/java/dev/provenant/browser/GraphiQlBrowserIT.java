package dev.provenant.browser;

import java.time.Duration;

import dev.provenant.support.Browser;
import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL renders in a real browser from the assets the service serves, and its queries
 * reach {@code /graphql} (without a key in the headers pane, the answer is the
 * UNAUTHORIZED error).
 */
class GraphiQlBrowserIT extends GraphQlIT {

	private ChromeDriver browser;

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void graphiQlRendersAndRunsAQueryAgainstTheService() {
		this.browser = Browser.start();
		this.browser.get("http://localhost:" + this.port + "/graphiql");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
		assertThat(this.browser.findElement(By.cssSelector(".graphiql-query-editor")).getText())
			.contains("quarantines");
		this.browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-window"), "UNAUTHORIZED"));
	}

}
