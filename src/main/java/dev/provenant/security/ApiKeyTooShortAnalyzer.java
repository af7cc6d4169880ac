package dev.provenant.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says which setting and principal hold a short API key, and how to make a good one,
 * instead of a stack trace.
 */
class ApiKeyTooShortAnalyzer extends AbstractFailureAnalyzer<ApiKeyTooShort> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ApiKeyTooShort cause) {
		return new FailureAnalysis(
				cause.where() + " gives principal '" + cause.principal() + "' an API key shorter than "
						+ ApiKey.MIN_LENGTH + " characters. Short keys can be guessed, so Provenant does not start.",
				"Give principal '" + cause.principal() + "' a random key of at least " + ApiKey.MIN_LENGTH
						+ " characters (openssl rand -base64 32) in provenant.security.api-keys (PROVENANT_API_KEYS)"
						+ " or provenant.security.api-keys-file, or write the key's SHA-256 as {sha256}<hex>.",
				cause);
	}

}
