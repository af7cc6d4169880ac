package dev.provenant.signing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceKeyTests {

	@Test
	void theKeyIsGeneratedOnceAndLoadedAgainWithTheSamePublicHalf(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys/prov.pem");
		ServiceKey first = new ServiceKey(new ProvProperties(file));
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
		ServiceKey again = new ServiceKey(new ProvProperties(file));
		assertThat(again.keyId()).isEqualTo(first.keyId());
		assertThat(again.jwks()).isEqualTo(first.jwks());
		// Ed25519 is deterministic: the same key signs the same bytes the same way.
		assertThat(again.signDetached("x".getBytes())).isEqualTo(first.signDetached("x".getBytes()));
	}

	@Test
	void aFileThatIsNotAnEd25519KeyStopsStartup(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("prov.pem");
		Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		assertThatIllegalStateException().isThrownBy(() -> new ServiceKey(new ProvProperties(file)))
			.withMessageContaining("not an Ed25519");
	}

}
