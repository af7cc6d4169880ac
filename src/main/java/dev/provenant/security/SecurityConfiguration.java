package dev.provenant.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.provenant.store.GraphStore;
import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import jakarta.servlet.DispatcherType;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who gets in where. {@code /graphql} lets every request through to GraphQL, where method
 * security on each query and mutation answers UNAUTHORIZED or FORBIDDEN as a GraphQL
 * error (and introspection stays open for GraphiQL); a credential that is presented but
 * bad is refused at the door. Health is open for probes; the other actuator endpoints are
 * for admins. Every response carries headers that keep the pages from being framed,
 * sniffed or fed foreign scripts.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

	/**
	 * The pages load scripts and styles from the jar only (their own files and WebJars),
	 * talk to this service only (HTTP and WebSocket), and are never framed. Images and
	 * fonts may be data URIs, as GraphiQL's stylesheet uses them.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN).map(Role::name).toArray(String[]::new))
			.build();
	}

	/**
	 * No observation of each security filter, authentication and authorization: with an
	 * observation registry present Spring Security wraps every filter of the chain in one
	 * (about twenty per request, each feeding timers and counters), which was a tenth of
	 * a small request's time. Requests are still observed as a whole
	 * ({@code http.server.requests}); failed credentials and refusals have metrics of
	 * their own.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * A URL the firewall refuses (not normalised: {@code //}, an encoded slash,
	 * {@code ..}) gets the same classified error as everything else, naming a way around
	 * it for ids that hold slashes.
	 */
	@Bean
	static RequestRejectedHandler requestRejected() {
		return (request, response, ex) -> HttpErrors.write(response, HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST,
				"URL_REJECTED", "The URL is refused: " + ex.getMessage()
						+ ". Send an id holding '//' as a query parameter, e.g. /api/v1/prov?id=<id>");
	}

	@Bean
	ApiKeys apiKeys(AccessProperties access, ObjectProvider<JwtDecoder> jwt) {
		return ApiKeys.load(access, jwt.getIfAvailable() != null);
	}

	@Bean
	RequestLimits requestLimits(AccessProperties access, MeterRegistry meters) {
		return new RequestLimits(access.rateLimit(), meters);
	}

	@Bean
	FailedCredentials failedCredentials(AccessProperties access, MeterRegistry meters) {
		return new FailedCredentials(access.failedCredentials(), meters);
	}

	@Bean
	SharedBuckets sharedBuckets(GraphStore store, AccessProperties access, RequestLimits limits,
			FailedCredentials failures) {
		return new SharedBuckets(store, access.limitsSyncInterval(), limits.buckets(), failures.buckets());
	}

	/**
	 * The JWT decoder Spring Boot built from the identity provider's settings, with the
	 * audience check when one is configured; null when JWTs are not accepted.
	 */
	static JwtDecoder jwtDecoder(ObjectProvider<JwtDecoder> decoder, AccessProperties access) {
		return JwtAudiences.checking(decoder.getIfAvailable(), access.jwt().audiences());
	}

	@Bean
	SecurityFilterChain provenantSecurity(HttpSecurity http, ApiKeys keys, AccessProperties access,
			ObjectProvider<JwtDecoder> jwtDecoder, RequestLimits limits, FailedCredentials failures) throws Exception {
		JwtDecoder jwt = jwtDecoder(jwtDecoder, access);
		http.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frames -> frames.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			// The request was authorized when it came in; its async continuation (a
			// streamed
			// export) and error rendering are not asked again.
			.authorizeHttpRequests(
					requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**")
						.permitAll()
						.requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
						.hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
						.requestMatchers("/actuator/**", "/admin/**")
						.hasRole(Role.ADMIN.name())
						.requestMatchers("/api/v1/lineage", "/api/v1/lineage/**", "/v1/traces")
						.hasRole(Role.WRITER.name())
						.requestMatchers("/api/v1/prov/**")
						.hasRole(Role.READER.name())
						.anyRequest()
						.permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> HttpErrors.write(response, HttpStatus.UNAUTHORIZED,
						ErrorKind.UNAUTHORIZED, null,
						"Authentication required: send an API key in X-API-Key or a bearer token"))
				.accessDeniedHandler((request, response, ex) -> HttpErrors.write(response, HttpStatus.FORBIDDEN,
						ErrorKind.FORBIDDEN, null, "This needs the " + neededRole(request.getRequestURI()) + " role")))
			.addFilterBefore(new FailedCredentialGate(failures), BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new ApiKeyAuthentication(keys, jwt != null, failures), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new RequestRateLimit(limits), AnonymousAuthenticationFilter.class);
		if (access.anonymousRead()) {
			http.anonymous(
					anonymous -> anonymous.authorities("ROLE_ANONYMOUS", Role.READER.authority().getAuthority()));
		}
		if (jwt != null) {
			DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
			http.oauth2ResourceServer(server -> server
				.bearerTokenResolver(request -> Optional.ofNullable(bearer.resolve(request))
					.filter(ApiKeyAuthentication::looksLikeJwt)
					.orElse(null))
				.jwt(token -> token.decoder(jwt).jwtAuthenticationConverter(new JwtRoles(access.jwt())))
				.authenticationEntryPoint((request, response, ex) -> {
					// Also asked when a token-less request needs authentication:
					// only a token that was checked and failed counts.
					if (!(ex instanceof InsufficientAuthenticationException)) {
						failures.record(request.getRemoteAddr(), "a bearer token");
					}
					HttpErrors.write(response, HttpStatus.UNAUTHORIZED, ErrorKind.UNAUTHORIZED, "BAD_CREDENTIAL",
							"The bearer token is not valid: " + ex.getMessage());
				}));
		}
		return http.build();
	}

	/** The role a URL rule above asks for, named in the FORBIDDEN answer. */
	private static String neededRole(String path) {
		if (path.startsWith("/api/v1/lineage") || path.equals("/v1/traces")) {
			return "writer";
		}
		if (path.startsWith("/actuator/prometheus") || path.startsWith("/actuator/metrics")) {
			return "operator or admin";
		}
		return path.startsWith("/api/v1/prov") ? "reader" : "admin";
	}

	/** Reads the principal and roles from the configured claims of a JWT. */
	static final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

		private final AccessProperties.Jwt claims;

		JwtRoles(AccessProperties.Jwt claims) {
			this.claims = claims;
		}

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			List<GrantedAuthority> authorities = roleNames(jwt).stream()
				.map(Role::named)
				.flatMap(Optional::stream)
				.map(Role::authority)
				.distinct()
				.toList();
			String principal = jwt.getClaimAsString(this.claims.principalClaim());
			return new JwtAuthenticationToken(jwt, authorities, (principal != null) ? principal : jwt.getSubject());
		}

		private List<String> roleNames(Jwt jwt) {
			Object value = jwt.getClaims();
			for (String part : this.claims.rolesClaim().split("\\.")) {
				value = (value instanceof Map<?, ?> map) ? map.get(part) : null;
			}
			if (value instanceof Collection<?> names) {
				return names.stream().map(String::valueOf).toList();
			}
			if (value instanceof String names) {
				return Arrays.stream(names.split("[\\s,]+")).filter(name -> !name.isEmpty()).toList();
			}
			return List.of();
		}

	}

}
