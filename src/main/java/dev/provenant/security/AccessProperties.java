package dev.provenant.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call Provenant.
 *
 * @param apiKeys comma-separated {@code principal:role+role:key} entries (the
 * {@code PROVENANT_API_KEYS} environment variable); a key written {@code {sha256}<hex>}
 * is given by its hash
 * @param apiKeysFile a file of the same entries, one per line; where the generated admin
 * key's hash is kept
 * @param anonymousRead let callers without a credential read (for local demos only)
 * @param jwt how roles and the principal are read from an OAuth2 JWT bearer token
 * @param approvers the approver id a reviewer principal acts as, when it is not the
 * principal's own name
 * @param rateLimit requests (HTTP requests and GraphQL-over-WebSocket messages) each
 * principal may make
 * @param failedCredentials bad API keys and tokens each client address may present before
 * it is refused without a check
 * @param maxSubscriptionsPerPrincipal subscriptions one principal may hold open at once,
 * over all its connections to this instance
 * @param limitsSyncInterval how often an instance settles the rate limits' buckets with
 * the other instances through the store (0 turns sharing off)
 */
@ConfigurationProperties("provenant.security")
public record AccessProperties(String apiKeys, Path apiKeysFile, boolean anonymousRead, @DefaultValue Jwt jwt,
		Map<String, String> approvers, @DefaultValue RateLimit rateLimit,
		@DefaultValue FailedCredentials failedCredentials, @DefaultValue("20") int maxSubscriptionsPerPrincipal,
		@DefaultValue("1s") Duration limitsSyncInterval) {

	public AccessProperties {
		approvers = (approvers != null) ? Map.copyOf(approvers) : Map.of();
	}

	/**
	 * @param rolesClaim the claim holding the roles, as a list or a space-separated
	 * string; a dotted path reaches into nested claims ({@code realm_access.roles})
	 * @param principalClaim the claim naming the principal
	 * @param audiences when not empty, a token is accepted only if its {@code aud} names
	 * one of these
	 */
	public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String principalClaim,
			List<String> audiences) {

		public Jwt {
			audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
		}

	}

	/**
	 * @param requests how many requests a principal may make per period (0 turns the
	 * limit off)
	 * @param period the period over which they refill
	 */
	public record RateLimit(@DefaultValue("300") long requests, @DefaultValue("1s") Duration period) {
	}

	/**
	 * @param attempts how many bad credentials one address may present per period (0
	 * turns the limit off)
	 * @param period the period over which they refill
	 */
	public record FailedCredentials(@DefaultValue("20") long attempts, @DefaultValue("1m") Duration period) {
	}

}
