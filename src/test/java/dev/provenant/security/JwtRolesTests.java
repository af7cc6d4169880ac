package dev.provenant.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtRolesTests {

	@Test
	void aDottedClaimReachesIntoNestedClaimsAndUnknownRolesAreIgnored() {
		Jwt jwt = jwt(Map.of("sub", "u-1", "realm_access", Map.of("roles", List.of("reader", "offline_access"))));
		var token = new SecurityConfiguration.JwtRoles(new AccessProperties.Jwt("realm_access.roles", "sub", null))
			.convert(jwt);
		assertThat(token.getName()).isEqualTo("u-1");
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_READER");
	}

	@Test
	void theConfiguredClaimNamesThePrincipalAndAbsentRolesGrantNothing() {
		Jwt jwt = jwt(Map.of("sub", "u-2", "email", "ana@example.com"));
		var token = new SecurityConfiguration.JwtRoles(new AccessProperties.Jwt("roles", "email", null)).convert(jwt);
		assertThat(token.getName()).isEqualTo("ana@example.com");
		assertThat(token.getAuthorities()).isEmpty();
	}

	@Test
	void withAudiencesConfiguredATokenMustNameOneOfThem() {
		Map<String, Object> forUs = Map.of("sub", "u-3", "aud", List.of("other", "provenant"));
		Map<String, Object> forOthers = Map.of("sub", "u-4", "aud", List.of("other"));
		Map<String, Object> forAnyone = Map.of("sub", "u-5");
		JwtDecoder checking = JwtAudiences.checking(
				token -> jwt(Map.of("forUs", forUs, "forOthers", forOthers, "forAnyone", forAnyone).get(token)),
				List.of("provenant"));
		assertThat(checking.decode("forUs").getSubject()).isEqualTo("u-3");
		for (String token : List.of("forOthers", "forAnyone")) {
			assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> checking.decode(token))
				.withMessageContaining("audience");
		}
		JwtDecoder unchecked = JwtAudiences.checking(token -> jwt(forAnyone), List.of());
		assertThat(unchecked.decode("any").getSubject()).isEqualTo("u-5");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
	}

}
