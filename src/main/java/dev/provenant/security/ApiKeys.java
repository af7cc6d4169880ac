package dev.provenant.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured API keys, by hash. With no credential configured at all (no keys, no JWT
 * issuer) the service is still secure: an admin key is generated on first start, and once
 * the service is ready its hash is written to the keys file and the key printed once in
 * the log, last before the ready line, where a person finds it. A start that fails before
 * then keeps nothing, so the next start generates and shows a key again.
 */
public final class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	private final Map<String, ApiKey> byHash;

	/** The generated key not yet written and shown; null once it is, or if none was. */
	private volatile GeneratedKey generated;

	private ApiKeys(Map<String, ApiKey> byHash, GeneratedKey generated) {
		this.byHash = Map.copyOf(byHash);
		this.generated = generated;
	}

	/**
	 * Keeps the generated admin key's hash in the keys file and prints the key, once;
	 * does nothing when no key was generated or it was shown already.
	 */
	synchronized void announceGeneratedKey() {
		GeneratedKey key = this.generated;
		if (key == null) {
			return;
		}
		this.generated = null;
		write(key.file(), "# Provenant API keys: principal:role+role:{sha256}<hex of the key's SHA-256>\n"
				+ key.admin().line() + "\n");
		log.warn("""

				==============================================================================
				  No API key or JWT issuer is configured, so Provenant generated an admin key.
				  It is shown this once; only its SHA-256 is kept, in {}.

				      X-API-Key: {}

				  For the docs' examples:  export PROVENANT_KEY={}
				  Create keys for people and agents with PROVENANT_API_KEYS (see docs/security.md).
				==============================================================================""",
				key.file().toAbsolutePath(), key.key(), key.key());
	}

	/**
	 * Loads the keys from the setting and the keys file; generates the admin key when
	 * neither holds one and no other way in is configured.
	 */
	static ApiKeys load(AccessProperties access, boolean jwtConfigured) {
		List<ApiKey> keys = new ArrayList<>(fromSetting(access.apiKeys()));
		Path file = access.apiKeysFile();
		if (file != null && Files.isRegularFile(file)) {
			keys.addAll(fromFile(file));
		}
		GeneratedKey generated = null;
		if (keys.isEmpty() && !jwtConfigured && file != null) {
			generated = GeneratedKey.create(file);
			keys.add(generated.admin());
		}
		Map<String, ApiKey> byHash = new LinkedHashMap<>();
		for (ApiKey key : keys) {
			ApiKey earlier = byHash.putIfAbsent(key.sha256(), key);
			if (earlier != null && !earlier.principal().equals(key.principal())) {
				throw new IllegalStateException("The same API key is configured for principals '" + earlier.principal()
						+ "' and '" + key.principal() + "'; give each its own key");
			}
		}
		log.info("Accepting {} API key(s){}", byHash.size(), jwtConfigured ? " and JWT bearer tokens" : "");
		return new ApiKeys(byHash, generated);
	}

	/** The key presented, if it is one of ours. */
	Optional<ApiKey> find(String presented) {
		return Optional.ofNullable(this.byHash.get(ApiKey.sha256(presented)));
	}

	int size() {
		return this.byHash.size();
	}

	private static List<ApiKey> fromSetting(String setting) {
		if (setting == null || setting.isBlank()) {
			return List.of();
		}
		List<ApiKey> keys = new ArrayList<>();
		String[] entries = setting.split(",");
		for (int i = 0; i < entries.length; i++) {
			if (!entries[i].isBlank()) {
				keys.add(ApiKey.parse(entries[i].trim(), "Entry " + (i + 1) + " of provenant.security.api-keys"));
			}
		}
		return keys;
	}

	private static List<ApiKey> fromFile(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			List<ApiKey> keys = new ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).trim();
				if (!line.isEmpty() && !line.startsWith("#")) {
					keys.add(ApiKey.parse(line, "Line " + (i + 1) + " of " + file));
				}
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the API keys file " + file, ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, content, StandardCharsets.UTF_8);
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the API keys file " + file, ex);
		}
	}

	/** An admin key made up at start because nothing else lets anyone in. */
	private record GeneratedKey(Path file, String key, ApiKey admin) {

		static GeneratedKey create(Path file) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String key = "pvn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			return new GeneratedKey(file, key, new ApiKey("admin", EnumSet.of(Role.ADMIN), ApiKey.sha256(key)));
		}

	}

}
