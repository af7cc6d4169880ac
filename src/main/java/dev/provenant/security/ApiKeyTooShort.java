package dev.provenant.security;

/**
 * A configured API key shorter than {@link ApiKey#MIN_LENGTH} characters. It names the
 * entry and its principal, never the key, since the message reaches the log.
 */
final class ApiKeyTooShort extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String where;

	private final String principal;

	ApiKeyTooShort(String where, String principal) {
		super(where + " (principal '" + principal + "') gives a key shorter than " + ApiKey.MIN_LENGTH + " characters");
		this.where = where;
		this.principal = principal;
	}

	String where() {
		return this.where;
	}

	String principal() {
		return this.principal;
	}

}
