package dev.provenant.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test that drives one of the service's pages in headless Chromium (see
 * {@link Browser}); the browser is closed after each test.
 */
public abstract class BrowserIT extends GraphQlIT {

	protected ChromeDriver browser;

	/** Opens {@code path} of the running service in a fresh browser. */
	protected ChromeDriver open(String path) {
		this.browser = Browser.start();
		this.browser.get("http://localhost:" + this.port + path);
		return this.browser;
	}

	/** A minute's patience: pages load their scripts and ask the service. */
	protected WebDriverWait waiting() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(60));
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

}
