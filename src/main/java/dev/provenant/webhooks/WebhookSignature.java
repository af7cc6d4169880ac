package dev.provenant.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery as Standard Webhooks (standardwebhooks.com) specifies, so receivers
 * can verify it with that project's libraries or a few lines of their own: the signature
 * is HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>}, sent
 * base64-encoded as {@code webhook-signature: v1,<signature>}. The timestamp is signed
 * too, so a receiver that refuses old timestamps is safe from replays.
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	private final byte[] key;

	WebhookSignature(String secret) {
		this.key = secret.startsWith(PREFIX) ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
				: secret.getBytes(StandardCharsets.UTF_8);
	}

	/** The {@code webhook-signature} header value. */
	String sign(String id, long timestampSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
