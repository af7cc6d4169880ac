package dev.provenant.security;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per principal on {@code /graphql} (per address for anonymous callers),
 * so one runaway agent cannot starve the others. Buckets of principals that went quiet
 * are dropped after an hour.
 */
final class RequestRateLimit extends OncePerRequestFilter {

	private final AccessProperties.RateLimit limit;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	RequestRateLimit(AccessProperties.RateLimit limit) {
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.limit.requests() <= 0 || !request.getRequestURI().startsWith("/graphql");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String caller = caller(request);
		ConsumptionProbe probe = this.buckets.get(caller, this::newBucket).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long waitSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
		HttpErrors.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorKind.BAD_REQUEST, "RATE_LIMITED",
				"Too many requests from '" + caller + "': the limit is " + this.limit.requests() + " per "
						+ this.limit.period() + " (provenant.security.rate-limit); retry in " + waitSeconds + " s");
	}

	private Bucket newBucket(String caller) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.limit.requests())
				.refillGreedy(this.limit.requests(), this.limit.period())
				.build())
			.build();
	}

	private static String caller(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous@" + request.getRemoteAddr();
		}
		return authentication.getName();
	}

}
