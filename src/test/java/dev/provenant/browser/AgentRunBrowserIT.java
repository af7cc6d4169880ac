package dev.provenant.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.provenant.support.BrowserIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision an agent recorded through OpenTelemetry, as the explorer shows it: the agent
 * run it was made in, its model call, what it read and the actions its tool calls
 * recorded, step by step, beside its lineage graph (which draws the run too).
 */
class AgentRunBrowserIT extends BrowserIT {

	@Test
	void aDecisionFromATraceShowsItsAgentRunModelCallsReadsAndActions() throws Exception {
		String decision = id("refund-1042");
		String trace = UUID.randomUUID().toString().replace("-", "");
		String json = Files.readString(Path.of("docs/opentelemetry/refund-trace.json"))
			.replace("dec:refund-1042", decision)
			.replace("4bf92f3577b34da6a3ce929d0e0e4736", trace)
			.replace("call_7f3", id("call_7f3"))
			.replace("call_7f4", id("call_7f4"))
			.replace("\"policy:refunds\"", "\"" + id("policy:refunds") + "\"");
		as(TestKeys.ADMIN).documentName("ingest")
			.variable("batch",
					java.util.Map.of("policies",
							java.util.List.of(java.util.Map.of("id", id("policy:refunds"), "minConfidence", 0.9))))
			.execute()
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(1);
		http(null).post()
			.uri("/v1/traces")
			.header("X-API-Key", TestKeys.WRITER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{}");

		open("/explorer");
		ExplorerPage page = new ExplorerPage(this.browser);
		this.browser.findElement(By.id("api-key")).sendKeys(TestKeys.READER);
		WebDriverWait wait = waiting();
		page.search(decision);
		wait.until(ExpectedConditions.attributeToBe(By.id("agent-run"), "data-node", decision));

		assertThat(this.browser.findElement(By.id("agent-run-summary")).getText())
			.isEqualTo("Made in the run of Refund agent (agent Refund agent): 1 model call, 2 reads, 2 actions.");
		assertThat(this.browser.findElement(By.id("agent-steps")).getText()).contains("decide refund",
				"chat gpt-4o chat model:openai:gpt-4o-2024-08-06",
				"retrieval kb:refund-policy retrieval kb:refund-policy",
				"SELECT shop.orders db dataset:postgres://orders-db:5432:shop.public.orders",
				"execute_tool issue_refund execute_tool issue_refund action:" + id("call_7f3"),
				"execute_tool email_customer execute_tool email_customer action:" + id("call_7f4"));
		// The lineage graph draws where it came from: the run and the agent, the model,
		// the knowledge base and the table.
		String run = "run:otel:" + trace + ":00f067aa0ba90201";
		wait.until(driver -> page.drawn().contains(run));
		assertThat(page.drawn()).contains(decision, "agent:refund-agent", "model:openai:gpt-4o-2024-08-06",
				"kb:refund-policy", "dataset:postgres://orders-db:5432:shop.public.orders");

		// An action in the steps opens its own lineage.
		this.browser.findElement(By.cssSelector("#agent-steps button[data-id='action:" + id("call_7f4") + "']"))
			.click();
		wait.until(driver -> page.drawn().contains("action:" + id("call_7f4"))
				&& !driver.findElement(By.id("agent-run")).isDisplayed());
		assertThat(cspViolations()).isEmpty();
	}

}
