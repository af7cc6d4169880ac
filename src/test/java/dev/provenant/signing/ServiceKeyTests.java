package dev.provenant.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceKeyTests {

	@Test
	void theKeyIsGeneratedOnceAndLoadedAgainWithTheSamePublicHalf(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys/prov.pem");
		ServiceKey first = new ServiceKey(new ProvProperties(file, null, List.of()));
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
		ServiceKey again = new ServiceKey(new ProvProperties(file, null, List.of()));
		assertThat(again.keyId()).isEqualTo(first.keyId());
		assertThat(again.jwks()).isEqualTo(first.jwks());
		// Ed25519 is deterministic: the same key signs the same bytes the same way.
		assertThat(again.signDetached("x".getBytes())).isEqualTo(first.signDetached("x".getBytes()));
	}

	@Test
	void aFileThatIsNotAnEd25519KeyStopsStartup(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("prov.pem");
		Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		assertThatIllegalStateException().isThrownBy(() -> new ServiceKey(new ProvProperties(file, null, List.of())))
			.withMessageContaining("not an Ed25519");
	}

	@Test
	void aKeyGivenAsTextSignsWithoutAnyFileAndEarlierKeysStillVerifyAfterARotation(@TempDir Path dir) throws Exception {
		ServiceKey before = new ServiceKey(new ProvProperties(dir.resolve("old.pem"), null, List.of()));
		String signedBefore = before.sign("checkpoint 7".getBytes());
		String oldPublic = publicPem(before);

		KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String nextPem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(next.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Path unused = dir.resolve("never-written.pem");
		ServiceKey after = new ServiceKey(new ProvProperties(unused, nextPem, List.of(oldPublic)));

		assertThat(unused).doesNotExist();
		assertThat(after.keyId()).isNotEqualTo(before.keyId());
		// what the earlier key signed still verifies; what the new one signs, too
		assertThat(after.verify(signedBefore))
			.hasValueSatisfying(payload -> assertThat(payload).isEqualTo("checkpoint 7".getBytes()));
		assertThat(after.verify(after.sign("checkpoint 8".getBytes()))).isPresent();
		// the earlier key does not accept the new one's signatures
		assertThat(before.verify(after.sign("checkpoint 8".getBytes()))).isEmpty();
		// the key set publishes both, the signing key first
		List<Object> kids = ((List<?>) after.jwks().get("keys")).stream()
			.map(key -> ((java.util.Map<?, ?>) key).get("kid"))
			.map(Object.class::cast)
			.toList();
		assertThat(kids).containsExactly(after.keyId(), before.keyId());
	}

	@Test
	void aVerificationKeyThatIsNotAnEd25519PublicKeyStopsStartupNamingIt(@TempDir Path dir) {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ServiceKey(new ProvProperties(dir.resolve("k.pem"), null,
					List.of("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))))
			.withMessageContaining("provenant.prov.verification-keys[0]");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ServiceKey(new ProvProperties(dir.resolve("k.pem"), "not a key", List.of())))
			.withMessageContaining("provenant.prov.signing-key");
	}

	/** The public half as {@code openssl pkey -pubout} writes it, from the JWK. */
	private static String publicPem(ServiceKey key) {
		Object x = ((java.util.Map<?, ?>) ((List<?>) key.jwks().get("keys")).get(0)).get("x");
		byte[] raw = Base64.getUrlDecoder().decode((String) x);
		byte[] der = new byte[44];
		System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
		System.arraycopy(raw, 0, der, 12, 32);
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
	}

}
