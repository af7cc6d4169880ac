package dev.provenant.security;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bucket per client address, drawn on by each bad API key or token it presents (over
 * HTTP or in a WebSocket {@code connection_init}). Once it is empty the address is
 * refused without its credential being checked, until the bucket refills: guessing keys
 * then goes no faster than the configured rate. Each failure is logged with the address
 * and what was presented (an API key, a bearer token), never with the credential itself.
 */
final class FailedCredentials {

	static final String CODE = "TOO_MANY_FAILED_CREDENTIALS";

	private static final Logger log = LoggerFactory.getLogger(FailedCredentials.class);

	private final AccessProperties.FailedCredentials limit;

	private final Buckets buckets;

	private final Counter failures;

	FailedCredentials(AccessProperties.FailedCredentials limit, MeterRegistry meters) {
		this.limit = limit;
		this.buckets = new Buckets("provenant.failed-credentials.addresses", limit.attempts(), limit.period(), meters);
		this.failures = Counter.builder("provenant.security.failed.credentials")
			.description("Bad API keys and tokens presented")
			.register(meters);
	}

	/** Shared with the other instances by {@link SharedBuckets}. */
	Buckets buckets() {
		return this.buckets;
	}

	/** Empty when the address may present a credential; else how long until it may. */
	Optional<Duration> blocked(String address) {
		return this.buckets.exhausted(address);
	}

	/** Counts a bad credential against the address, and logs it. */
	void record(String address, String what) {
		this.failures.increment();
		if (!this.buckets.enabled()) {
			log.warn("Refused {} from {}: not valid", what, address);
			return;
		}
		this.buckets.take(address);
		long left = this.buckets.left(address);
		if (left > 0) {
			log.warn("Refused {} from {}: not valid ({} more allowed before the address is refused unchecked)", what,
					address, left);
		}
		else {
			log.warn(
					"Refused {} from {}: not valid; the address has used its {} bad credentials per {} "
							+ "(provenant.security.failed-credentials) and is refused unchecked until they refill",
					what, address, this.limit.attempts(), this.limit.period());
		}
	}

	String refusal(String address, Duration wait) {
		return "Too many bad credentials from " + address + ": the limit is " + this.limit.attempts() + " per "
				+ this.limit.period() + " (provenant.security.failed-credentials); retry in " + wait.toSeconds() + " s";
	}

}
