package dev.provenant.api;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health, liveness and readiness answer for orchestrators without a credential; the
 * components (Neo4j, the dependency index, the heap) and their details are for operators
 * and admins only.
 */
class ProbesIT extends GraphQlIT {

	@Test
	void anonymousCallersSeeOnlyTheStatus() {
		for (String key : new String[] { null, TestKeys.READER }) {
			http(key).get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components")
				.doesNotExist()
				.jsonPath("$.details")
				.doesNotExist();
		}
	}

	@Test
	void healthLivenessAndReadinessAreUp() {
		WebTestClient client = http(null);
		http(TestKeys.OPERATOR).get()
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
			.isNumber()
			.jsonPath("$.components.heap.status")
			.isEqualTo("UP")
			.jsonPath("$.components.heap.details.liveAfterGcBytes")
			.isNumber()
			.jsonPath("$.components.heap.details.downAt")
			.isEqualTo(0.9);
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
		// readiness holds the heap's component (HeapPressureIT takes it down), shown to
		// operators
		http(TestKeys.OPERATOR).get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectBody()
			.jsonPath("$.components.heap.status")
			.isEqualTo("UP");
	}

}
