package dev.provenant.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * With {@code provenant.security.jwt.audiences} set, a token is accepted only if its
 * {@code aud} names one of them: an identity provider issues tokens for many services
 * with the same signing key, and one meant for another service must not open this one.
 * The check wraps whatever decoder Spring Boot built (issuer, JWK set or public key), so
 * it holds for HTTP requests and WebSocket connections alike.
 */
final class JwtAudiences {

	private JwtAudiences() {
	}

	static JwtDecoder checking(JwtDecoder decoder, List<String> audiences) {
		if (decoder == null || audiences.isEmpty()) {
			return decoder;
		}
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.stream().anyMatch(audiences::contains));
		return token -> {
			Jwt jwt = decoder.decode(token);
			OAuth2TokenValidatorResult result = audience.validate(jwt);
			if (result.hasErrors()) {
				throw new JwtValidationException("The token's audience (aud) is not one this service accepts",
						result.getErrors());
			}
			return jwt;
		};
	}

}
