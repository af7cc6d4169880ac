package dev.provenant.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import dev.provenant.graph.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeysTests {

	@TempDir
	Path dir;

	@Test
	void theKeyFollowsTheLastColonTheRolesTheOneBeforeAndThePrincipalIsTheRest() {
		ApiKey key = ApiKey.parse("appr:ana:reviewer:k3y", "entry");
		assertThat(key.principal()).isEqualTo("appr:ana");
		assertThat(key.roles()).containsExactly(Role.REVIEWER);
		assertThat(key.sha256()).isEqualTo(Sha256.hex("k3y"));
		assertThat(ApiKey.parse("ci:writer+Reader:s3cr3t-key", "entry").roles()).containsExactlyInAnyOrder(Role.WRITER,
				Role.READER);
	}

	@Test
	void aKeyMayBeGivenByItsHash() {
		ApiKey key = ApiKey.parse("ci:writer:{sha256}" + Sha256.hex("s3cr3t"), "entry");
		assertThat(keys(key.line()).find("s3cr3t")).map(ApiKey::principal).hasValue("ci");
	}

	@Test
	void badEntriesAreNamedWithoutTheirKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKey.parse("ci:owner:topsecret", "Entry 2"))
			.withMessageContaining("Entry 2")
			.withMessageContaining("owner")
			.withMessageNotContaining("topsecret");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKey.parse("topsecret", "Entry 1"))
			.withMessageNotContaining("topsecret");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKey.parse("ci:writer:{sha256}abc", "Entry 3"))
			.withMessageContaining("64 hex");
	}

	@Test
	void onlyConfiguredKeysAreFound() {
		ApiKeys keys = keys("ci:writer+reader:s3cr3t-key, ops:operator:other");
		assertThat(keys.find("s3cr3t-key")).map(ApiKey::roles).hasValue(Set.of(Role.WRITER, Role.READER));
		assertThat(keys.find("s3cr3t-ke")).isEmpty();
		assertThat(keys.find("other")).map(ApiKey::principal).hasValue("ops");
	}

	@Test
	void oneKeyForTwoPrincipalsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> keys("a:reader:same,b:admin:same"))
			.withMessageContaining("'a'")
			.withMessageContaining("'b'");
	}

	@Test
	void withNothingConfiguredAnAdminKeyIsGeneratedOnceAndOnlyItsHashIsKept() throws Exception {
		Path file = this.dir.resolve("store/api-keys");
		ApiKeys first = ApiKeys.load(access(null, file), false);
		assertThat(first.size()).isEqualTo(1);
		String stored = Files.readString(file);
		assertThat(stored).containsPattern("admin:admin:\\{sha256\\}[0-9a-f]{64}");
		ApiKeys second = ApiKeys.load(access(null, file), false);
		assertThat(Files.readString(file)).isEqualTo(stored);
		assertThat(second.size()).isEqualTo(1);
	}

	@Test
	void noKeyIsGeneratedWhenKeysOrJwtAreConfigured() {
		Path file = this.dir.resolve("api-keys");
		ApiKeys.load(access("ci:writer:k", file), false);
		ApiKeys.load(access(null, file), true);
		assertThat(file).doesNotExist();
	}

	private ApiKeys keys(String setting) {
		return ApiKeys.load(access(setting, null), false);
	}

	private static AccessProperties access(String setting, Path file) {
		return new AccessProperties(setting, file, false, new AccessProperties.Jwt("roles", "sub"), Map.of(),
				new AccessProperties.RateLimit(0, java.time.Duration.ofSeconds(1)));
	}

}
