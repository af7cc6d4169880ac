package dev.provenant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider for tests: an RSA key pair whose public half the service is told
 * to trust, and JWTs signed with it.
 */
public final class TestIssuer {

	private final KeyPair keys;

	public TestIssuer() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Makes the service trust this issuer's tokens, through a PEM public key file. */
	public void trustedBy(DynamicPropertyRegistry registry) {
		try {
			Path key = Files.createTempFile("provenant-jwt-", ".pem");
			Files
				.writeString(key,
						"-----BEGIN PUBLIC KEY-----\n"
								+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
									.encodeToString(this.keys.getPublic().getEncoded())
								+ "\n-----END PUBLIC KEY-----\n");
			registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A token with these claims, issued two minutes ago and valid for
	 * {@code validSeconds} from now (negative: expired), signed RS256.
	 */
	public String token(JWTClaimsSet.Builder claims, long validSeconds) {
		Instant now = Instant.now();
		claims.issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plusSeconds(validSeconds)));
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) this.keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
