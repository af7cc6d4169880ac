package dev.provenant.memory;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose heap is too small for its store says so when it starts, with the heap
 * to give it; and once the heap is nearly full after collections its health and readiness
 * go DOWN (liveness stays UP: restarting would not help), while it still answers. Here
 * the caches are configured larger than any test JVM's heap and the DOWN threshold is
 * below what any running service uses.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "provenant.caches.blast-radius-bytes=64GB", "provenant.memory.heap-down-at=0.001" })
class HeapPressureIT extends GraphQlIT {

	@Test
	void aHeapTooSmallForTheStoreIsWarnedOfAtStartWithTheHeapToGiveIt(CapturedOutput output) {
		assertThat(output.getOut()).containsPattern(
				"WARN .*Memory: the store needs about \\d+ MiB of heap .*caches \\d{5,} MiB.*Start with -Xmx\\d{5,}m");
	}

	@Test
	void aNearlyFullHeapTakesHealthAndReadinessDownButNotLiveness() {
		http(TestKeys.OPERATOR).get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.heap.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.heap.details.downAt")
			.isEqualTo(0.001)
			.jsonPath("$.components.heap.details.liveAfterGcBytes")
			.isNumber()
			.jsonPath("$.components.heap.details.modelRecommendedHeapBytes")
			.isNumber()
			.jsonPath("$.components.neo4j.status")
			.isEqualTo("UP");
		http(null).get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
		http(null).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		as(TestKeys.READER).document("{ node(id: \"nowhere\") { id } }").execute().path("node").valueIsNull();
	}

}
