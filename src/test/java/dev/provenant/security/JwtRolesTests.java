package dev.provenant.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRolesTests {

	@Test
	void aDottedClaimReachesIntoNestedClaimsAndUnknownRolesAreIgnored() {
		Jwt jwt = jwt(Map.of("sub", "u-1", "realm_access", Map.of("roles", List.of("reader", "offline_access"))));
		var token = new SecurityConfiguration.JwtRoles(new AccessProperties.Jwt("realm_access.roles", "sub"))
			.convert(jwt);
		assertThat(token.getName()).isEqualTo("u-1");
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_READER");
	}

	@Test
	void theConfiguredClaimNamesThePrincipalAndAbsentRolesGrantNothing() {
		Jwt jwt = jwt(Map.of("sub", "u-2", "email", "ana@example.com"));
		var token = new SecurityConfiguration.JwtRoles(new AccessProperties.Jwt("roles", "email")).convert(jwt);
		assertThat(token.getName()).isEqualTo("ana@example.com");
		assertThat(token.getAuthorities()).isEmpty();
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
	}

}
