package dev.provenant.api;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health, liveness and readiness answer for orchestrators; health reports Neo4j and the
 * dependency index.
 */
class ProbesIT extends GraphQlIT {

	@Test
	void healthLivenessAndReadinessAreUp() {
		WebTestClient client = http(null);
		client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.neo4j.status")
			.isEqualTo("UP")
			.jsonPath("$.components.dependencyIndex.details.state")
			.isEqualTo("READY")
			.jsonPath("$.components.dependencyIndex.details.auditSequence")
			.isNumber();
		client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
