package dev.provenant.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import dev.provenant.graph.Sha256;

/**
 * One configured API key: the principal it names, its roles, and the SHA-256 of the key.
 * The key itself is never kept. SHA-256 without salt is enough here because keys are
 * random secrets, not passwords a person chose, and it lets a presented key be found by
 * its hash.
 */
record ApiKey(String principal, Set<Role> roles, String sha256) {

	/** How a key already hashed is written in place of the key. */
	static final String HASHED = "{sha256}";

	/**
	 * The shortest key accepted: a key is the only secret between a caller and the graph,
	 * and a short one falls to guessing even at the failed-credential limit.
	 */
	static final int MIN_LENGTH = 32;

	private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

	ApiKey {
		roles = Set.copyOf(roles);
	}

	/** The caller this key stands for, with its roles as authorities. */
	Authentication authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this.principal, null,
				this.roles.stream().map(Role::authority).toList());
	}

	/**
	 * Reads {@code principal:role+role:key}: the key follows the last colon, the roles
	 * the one before it, and the principal is everything before that. Errors name the
	 * entry by its position and principal, never by its key.
	 */
	static ApiKey parse(String entry, String where) {
		int keyColon = entry.lastIndexOf(':');
		int rolesColon = (keyColon > 0) ? entry.lastIndexOf(':', keyColon - 1) : -1;
		if (rolesColon <= 0) {
			throw new IllegalArgumentException(where + " is not principal:role+role:key");
		}
		String principal = entry.substring(0, rolesColon).trim();
		String key = entry.substring(keyColon + 1).trim();
		if (principal.isEmpty() || key.isEmpty()) {
			throw new IllegalArgumentException(where + " has an empty principal or key");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : entry.substring(rolesColon + 1, keyColon).split("\\+")) {
			roles.add(Role.named(name)
				.orElseThrow(() -> new IllegalArgumentException(
						where + " (principal '" + principal + "') names an unknown role '" + name.trim()
								+ "'; roles are reader, writer, reviewer, " + "operator, auditor and admin")));
		}
		if (!key.startsWith(HASHED) && key.length() < MIN_LENGTH) {
			throw new ApiKeyTooShort(where, principal);
		}
		return new ApiKey(principal, roles, hashOf(key, where));
	}

	/** The SHA-256 of a presented key, as lowercase hex. */
	static String sha256(String key) {
		return Sha256.hex(key);
	}

	/** This key as a line of the keys file: its hash, never the key. */
	String line() {
		return this.principal + ":"
				+ String.join("+", this.roles.stream().map(r -> r.name().toLowerCase()).sorted().toList()) + ":"
				+ HASHED + this.sha256;
	}

	private static String hashOf(String key, String where) {
		if (!key.startsWith(HASHED)) {
			return sha256(key);
		}
		String hash = key.substring(HASHED.length()).toLowerCase();
		if (!HEX_256.matcher(hash).matches()) {
			throw new IllegalArgumentException(where + " gives a {sha256} key that is not 64 hex digits");
		}
		return hash;
	}

}
