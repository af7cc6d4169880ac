package dev.provenant.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTests {

	@Test
	void signatureReproducesTheStandardWebhooksTestVector() {
		// Published with the Standard Webhooks reference libraries: a receiver using any
		// of
		// them accepts what Provenant signs.
		WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
		assertThat(signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aSecretWithoutThePrefixIsUsedAsItsBytes() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		assertThat(new WebhookSignature("plain secret").sign("id", 1, body))
			.isNotEqualTo(new WebhookSignature("plain secreT").sign("id", 1, body))
			.startsWith("v1,");
	}

	@Test
	void backoffDoublesUpToItsCeiling() {
		Duration initial = Duration.ofSeconds(5);
		Duration max = Duration.ofSeconds(30);
		assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(n -> WebhookDispatcher.backoff(initial, max, n)))
			.containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
					Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

	@Test
	void endpointsWithoutSecretOrWithABadUrlAreRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new WebhookProperties.Endpoint("chat", java.net.URI.create("https://x.test/h"), " ", List.of()))
			.withMessageContaining("secret is required");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new WebhookProperties.Endpoint("chat", java.net.URI.create("ftp://x.test/h"), "s", List.of()))
			.withMessageContaining("absolute http(s) URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookProperties.Endpoint("chat", java.net.URI.create("https://x.test/h"),
					"whsec_not base64!", List.of()))
			.withMessageContaining("base64");
		assertThat(new WebhookProperties.Endpoint("chat", java.net.URI.create("https://x.test/h"), "s3cret", List.of())
			.toString()).doesNotContain("s3cret");
	}

}
