package dev.provenant.security;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways in a deployment can switch on: OAuth2 JWT bearer tokens (roles from a claim,
 * the principal from another), anonymous read access for demos, and the per-principal
 * rate limit. Tokens are signed here with a key pair whose public half the service is
 * configured with, as it would be with an identity provider's.
 */
@TestPropertySource(properties = { "provenant.security.anonymous-read=true", "provenant.security.rate-limit.requests=5",
		"provenant.security.rate-limit.period=1h", "provenant.security.jwt.principal-claim=preferred_username" })
class AccessOptionsIT extends GraphQlIT {

	private static final TestIssuer SIGNING = new TestIssuer();

	private static final TestIssuer STRANGER = new TestIssuer();

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		SIGNING.trustedBy(registry);
	}

	@Test
	void aTokensClaimsNameThePrincipalAndItsRoles() {
		HttpGraphQlTester agent = bearer(token(SIGNING, "agent-7", List.of("writer", "auditor"), 300));
		agent.documentName("ingest")
			.variable("batch", Map.of("dataSources", List.of(Map.of("id", id("src")))))
			.execute()
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(1);
		agent.documentName("auditTrail")
			.variable("id", id("src"))
			.execute()
			.path("auditTrail.edges[0].node.actor")
			.entity(String.class)
			.isEqualTo("agent-7");
		forbidden(agent.documentName("quarantine").variable("id", id("src")).variable("reason", "suspect").execute());
	}

	@Test
	void rolesMayComeAsASpaceSeparatedClaim() {
		bearer(token(SIGNING, "reader-9", "reader", 300)).documentName("node")
			.variable("id", id("none"))
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void anExpiredOrForeignTokenIsRefusedAndWritesNothing() {
		for (String token : List.of(token(SIGNING, "late", List.of("writer"), -60),
				token(STRANGER, "forger", List.of("admin"), 300))) {
			http(null).post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"query\":\"mutation { ingest(batch: {dataSources: [{id: \\\"" + id("forged")
						+ "\\\"}]}) { created } }\"}")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("UNAUTHORIZED");
		}
		bearer(token(SIGNING, "checker", List.of("reader"), 300)).documentName("node")
			.variable("id", id("forged"))
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void anonymousCallersMayReadWhenAllowedButNeverWrite() {
		HttpGraphQlTester anonymous = as(null);
		anonymous.documentName("node").variable("id", id("nothing")).execute().path("node").valueIsNull();
		anonymous.documentName("ingest")
			.variable("batch", Map.of("dataSources", List.of(Map.of("id", id("anon")))))
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "UNAUTHORIZED"));
	}

	@Test
	void eachPrincipalHasItsOwnRateLimit() {
		HttpGraphQlTester busy = bearer(token(SIGNING, "busy-agent", List.of("reader"), 300));
		for (int i = 0; i < 5; i++) {
			busy.documentName("node").variable("id", id("x")).execute().path("node").valueIsNull();
		}
		http(null).post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token(SIGNING, "busy-agent", List.of("reader"), 300))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ __typename }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("RATE_LIMITED");
		bearer(token(SIGNING, "quiet-agent", List.of("reader"), 300)).documentName("node")
			.variable("id", id("x"))
			.execute()
			.path("node")
			.valueIsNull();
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> Errors.assertAll(errors, "FORBIDDEN"));
	}

	private static String token(TestIssuer issuer, String user, Object roles, long validSeconds) {
		return issuer.token(new JWTClaimsSet.Builder().subject("subject-" + user)
			.claim("preferred_username", user)
			.claim("roles", roles), validSeconds);
	}

}
