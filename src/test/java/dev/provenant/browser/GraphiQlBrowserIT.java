package dev.provenant.browser;

import dev.provenant.support.BrowserIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL renders in a real browser from the assets the service serves, and its queries
 * reach {@code /graphql} (without a key in the headers pane, the answer is the
 * UNAUTHORIZED error).
 */
class GraphiQlBrowserIT extends BrowserIT {

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
	}

}
