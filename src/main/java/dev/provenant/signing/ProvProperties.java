package dev.provenant.signing;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service key: it signs PROV exports, the audit head, checkpoints and consistency
 * tokens, so every instance of one service must have the same.
 *
 * @param signingKey the service's Ed25519 private key as PEM text (e.g. from the
 * environment variable {@code PROVENANT_PROV_SIGNING_KEY} or a secret store); when set,
 * the file is not read or written
 * @param signingKeyFile the same key as a file (PKCS#8 PEM); generated there on first
 * start when missing and no {@code signing-key} is given, so that signatures verify
 * across restarts
 * @param verificationKeys public keys (SubjectPublicKeyInfo PEM, {@code openssl pkey
 * -pubout}) of keys signed with before, still accepted and published in the JWK set, so
 * the signing key can rotate without breaking what earlier keys signed
 */
@ConfigurationProperties("provenant.prov")
public record ProvProperties(@DefaultValue("./data/prov-signing-key.pem") Path signingKeyFile, String signingKey,
		List<String> verificationKeys) {

	public ProvProperties {
		verificationKeys = (verificationKeys != null) ? List.copyOf(verificationKeys) : List.of();
	}

}
