package dev.provenant.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test that drives one of the service's pages in headless Chromium (see
 * {@link Browser}); the browser is closed after each test. Whatever the page's
 * Content-Security-Policy refuses is recorded, for {@link #cspViolations()}.
 */
public abstract class BrowserIT extends GraphQlIT {

	protected ChromeDriver browser;

	/** Opens {@code path} of the running service in a fresh browser. */
	protected ChromeDriver open(String path) {
		this.browser = Browser.start();
		// Runs before the page's own scripts, and is not subject to its policy.
		this.browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => "
						+ "window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile "
						+ "+ ':' + e.lineNumber));"));
		this.browser.get("http://localhost:" + this.port + path);
		return this.browser;
	}

	/** A minute's patience: pages load their scripts and ask the service. */
	protected WebDriverWait waiting() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(60));
	}

	/** What the page's Content-Security-Policy refused so far. */
	@SuppressWarnings("unchecked")
	protected List<String> cspViolations() {
		return (List<String>) ((JavascriptExecutor) this.browser).executeScript("return window.cspViolations;");
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

}
