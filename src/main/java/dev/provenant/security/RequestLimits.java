package dev.provenant.security;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * One token bucket per principal (per address for anonymous callers), drawn on by every
 * HTTP request and every GraphQL operation sent over WebSocket, so one runaway agent
 * cannot starve the others whichever way it comes in.
 */
final class RequestLimits {

	static final String CODE = "RATE_LIMITED";

	private final AccessProperties.RateLimit limit;

	private final Buckets buckets;

	RequestLimits(AccessProperties.RateLimit limit, MeterRegistry meters) {
		this.limit = limit;
		this.buckets = new Buckets("provenant.rate-limit.principals", limit.requests(), limit.period(), meters);
	}

	/** Shared with the other instances by {@link SharedBuckets}. */
	Buckets buckets() {
		return this.buckets;
	}

	boolean enabled() {
		return this.buckets.enabled();
	}

	/** Takes one request from the caller's bucket: empty when it may go on. */
	Optional<Duration> take(String caller) {
		return this.buckets.take(caller);
	}

	String refusal(String caller, Duration wait) {
		return "Too many requests from '" + caller + "': the limit is " + this.limit.requests() + " per "
				+ this.limit.period() + " (provenant.security.rate-limit); retry in " + wait.toSeconds() + " s";
	}

	/** The bucket's key: the principal's name, or the address of an anonymous caller. */
	static String caller(Authentication authentication, String address) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous@" + address;
		}
		return authentication.getName();
	}

}
