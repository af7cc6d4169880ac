package dev.provenant.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import dev.provenant.graph.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class ApiKeysTests {

	private static final String SECRET = "s3cr3t-key-0123456789abcdefghijklmnop";

	private static final String OTHER = "other-key-0123456789abcdefghijklmnopq";

	@TempDir
	Path dir;

	@Test
	void theKeyFollowsTheLastColonTheRolesTheOneBeforeAndThePrincipalIsTheRest() {
		ApiKey key = ApiKey.parse("appr:ana:reviewer:" + SECRET, "entry");
		assertThat(key.principal()).isEqualTo("appr:ana");
		assertThat(key.roles()).containsExactly(Role.REVIEWER);
		assertThat(key.sha256()).isEqualTo(Sha256.hex(SECRET));
		assertThat(ApiKey.parse("ci:writer+Reader:" + SECRET, "entry").roles()).containsExactlyInAnyOrder(Role.WRITER,
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
	void aKeyShorterThan32CharactersIsRefusedNamingTheSettingAndPrincipalButNotTheKey() {
		String shortKey = "short-key-31-characters-long-xx";
		assertThatIllegalArgumentException().isThrownBy(() -> keys("ci:reader:" + SECRET + ",weak:writer:" + shortKey))
			.isInstanceOf(ApiKeyTooShort.class)
			.withMessageContaining("Entry 2 of provenant.security.api-keys")
			.withMessageContaining("'weak'")
			.withMessageNotContaining(shortKey);
		assertThat(keys("long:writer:" + shortKey + "y").size()).isEqualTo(1);
	}

	@Test
	void aShortKeyStopsTheStartWithAnAnalysisNamingTheSettingAndPrincipalButNotTheKey(CapturedOutput output) {
		SpringApplication application = new SpringApplication(KeysOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatThrownBy(() -> application.run("--provenant.security.api-keys=weak:writer:tiny-key",
				"--provenant.security.api-keys-file=" + this.dir.resolve("none")))
			.hasRootCauseInstanceOf(ApiKeyTooShort.class);
		assertThat(output)
			.contains("APPLICATION FAILED TO START", "Entry 1 of provenant.security.api-keys", "principal 'weak'",
					"openssl rand")
			.doesNotContain("tiny-key")
			.doesNotContain("\tat dev.provenant");
	}

	@Test
	void onlyConfiguredKeysAreFound() {
		ApiKeys keys = keys("ci:writer+reader:" + SECRET + ", ops:operator:" + OTHER);
		assertThat(keys.find(SECRET)).map(ApiKey::roles).hasValue(Set.of(Role.WRITER, Role.READER));
		assertThat(keys.find(SECRET.substring(1))).isEmpty();
		assertThat(keys.find(OTHER)).map(ApiKey::principal).hasValue("ops");
	}

	@Test
	void oneKeyForTwoPrincipalsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> keys("a:reader:" + SECRET + ",b:admin:" + SECRET))
			.withMessageContaining("'a'")
			.withMessageContaining("'b'");
	}

	@Test
	void withNothingConfiguredAnAdminKeyIsGeneratedOnceAndOnlyItsHashIsKept() throws Exception {
		Path file = this.dir.resolve("store/api-keys");
		ApiKeys first = ApiKeys.load(access(null, file), false);
		assertThat(first.size()).isEqualTo(1);
		assertThat(file).as("kept only once the service is ready and has shown it").doesNotExist();
		first.announceGeneratedKey();
		String stored = Files.readString(file);
		assertThat(stored).containsPattern("admin:admin:\\{sha256\\}[0-9a-f]{64}");
		first.announceGeneratedKey();
		assertThat(Files.readString(file)).as("shown once").isEqualTo(stored);
		ApiKeys second = ApiKeys.load(access(null, file), false);
		second.announceGeneratedKey();
		assertThat(Files.readString(file)).isEqualTo(stored);
		assertThat(second.size()).isEqualTo(1);
	}

	@Test
	void aStartThatFailsBeforeItIsReadyKeepsNoKeySoTheNextShowsOne() {
		Path file = this.dir.resolve("store/api-keys");
		ApiKeys failed = ApiKeys.load(access(null, file), false);
		assertThat(file).doesNotExist();
		ApiKeys next = ApiKeys.load(access(null, file), false);
		assertThat(next.size()).isEqualTo(1);
		assertThat(failed.size()).isEqualTo(1);
		next.announceGeneratedKey();
		assertThat(file).exists();
	}

	@Test
	void noKeyIsGeneratedWhenKeysOrJwtAreConfigured() {
		Path file = this.dir.resolve("api-keys");
		ApiKeys.load(access("ci:writer:" + SECRET, file), false);
		ApiKeys.load(access(null, file), true);
		assertThat(file).doesNotExist();
	}

	private ApiKeys keys(String setting) {
		return ApiKeys.load(access(setting, null), false);
	}

	private static AccessProperties access(String setting, Path file) {
		return new AccessProperties(setting, file, false, new AccessProperties.Jwt("roles", "sub", null), Map.of(),
				new AccessProperties.RateLimit(0, java.time.Duration.ofSeconds(1)),
				new AccessProperties.FailedCredentials(0, java.time.Duration.ofSeconds(1)), 20,
				java.time.Duration.ofSeconds(1));
	}

	/** Just the keys, as the service loads them at start. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccessProperties.class)
	static class KeysOnly {

		@Bean
		ApiKeys apiKeys(AccessProperties access) {
			return ApiKeys.load(access, false);
		}

	}

}
