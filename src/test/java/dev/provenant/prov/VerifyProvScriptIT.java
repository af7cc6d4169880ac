package dev.provenant.prov;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/verify-prov.py, as docs/prov.md has a reader run it: valid for an export as
 * served, INVALID once a byte changes, and one clear line (exit 2, no traceback) for what
 * cannot be checked at all.
 */
class VerifyProvScriptIT extends GraphQlIT {

	@TempDir
	Path dir;

	@BeforeEach
	void saveASignedExport() throws IOException {
		story().dataSource("crm").feature("f", "crm").ingest(this.graphQl);
		EntityExchangeResult<byte[]> signed = http(TestKeys.READER).get()
			.uri("/api/v1/prov/" + id("f") + "?signed=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		Files.write(this.dir.resolve("prov.json"), signed.getResponseBody());
		Files.writeString(this.dir.resolve("prov.jws"),
				signed.getResponseHeaders().getFirst("Provenant-Signature") + "\n");
		Files.write(this.dir.resolve("jwks.json"),
				http(null).get()
					.uri("/.well-known/jwks.json")
					.exchange()
					.expectBody(byte[].class)
					.returnResult()
					.getResponseBody());
	}

	@Test
	void anExportAsServedIsValidAndOneChangedByteIsNot() throws Exception {
		assertThat(run()).isEqualTo(new Run(0, "valid"));
		byte[] changed = Files.readAllBytes(this.dir.resolve("prov.json"));
		changed[changed.length / 2] ^= 1;
		Files.write(this.dir.resolve("prov.json"), changed);
		assertThat(run()).isEqualTo(new Run(1, "INVALID"));
	}

	@Test
	void anEmptySignatureIsSaidInOneLine() throws Exception {
		Files.writeString(this.dir.resolve("prov.jws"), "\n");
		Run run = run();
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.output()).contains("the signature file is empty").doesNotContain("Traceback");
	}

	@Test
	void aMalformedSignatureOrKeySetOrAMissingFileIsSaidInOneLine() throws Exception {
		Files.writeString(this.dir.resolve("prov.jws"), "not-a-jws\n");
		assertThat(run()).satisfies(run -> {
			assertThat(run.status()).isEqualTo(2);
			assertThat(run.output()).contains("not a detached compact JWS").doesNotContain("Traceback");
		});
		Files.writeString(this.dir.resolve("prov.jws"), "!!!..abc\n");
		assertThat(run().output()).doesNotContain("Traceback").startsWith("cannot verify:");
		Files.writeString(this.dir.resolve("jwks.json"), "<html>");
		assertThat(run().output()).contains("jwks.json is not JSON").doesNotContain("Traceback");
		Files.delete(this.dir.resolve("jwks.json"));
		assertThat(run()).satisfies(run -> {
			assertThat(run.status()).isEqualTo(2);
			assertThat(run.output()).startsWith("cannot read").contains("jwks.json");
		});
	}

	@Test
	void withoutItsPackageItSaysWhichToInstall() throws Exception {
		Path fake = Files.createDirectories(this.dir.resolve("no-packages/cryptography"));
		Files.writeString(fake.resolve("__init__.py"), "raise ImportError('not installed')\n");
		Run run = run("PYTHONPATH", this.dir.resolve("no-packages").toString());
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.output()).contains("pip install cryptography").doesNotContain("Traceback");
	}

	private Run run(String... environment) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("python3",
				Path.of("docs/verify-prov.py").toAbsolutePath().toString(), "jwks.json", "prov.jws", "prov.json"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile()).redirectErrorStream(true);
		for (int i = 0; i + 1 < environment.length; i += 2) {
			builder.environment().put(environment[i], environment[i + 1]);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int status, String output) {
	}

}
