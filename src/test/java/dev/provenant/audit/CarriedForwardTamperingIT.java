package dev.provenant.audit;

import java.util.Map;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made beneath the API stays found after a later write through the API touches
 * the same record: the write subtracts what it found, not what the log last recorded, so
 * the store never again matches the log's state digest, and the diagnosis names the write
 * that found the record changed. The mark is permanent, so this runs on a store of its
 * own.
 */
@TestPropertySource(properties = "provenant.test.store=carried-forward")
class CarriedForwardTamperingIT extends GraphQlIT {

	@Test
	void aChangeBeneathTheApiIsNotLaunderedByALaterWrite() {
		AuditStory.told(story()).ingest(this.graphQl);
		try (Session session = this.driver.session()) {
			session.executeWrite(tx -> tx
				.run("MATCH (f:Feature {id: $id}) SET f.name = 'renamed beneath the API'", Map.of("id", id("f")))
				.consume());
		}
		quarantine("f");
		long quarantined = this.graphQl.documentName("auditTrail")
			.variable("id", id("f"))
			.execute()
			.path("auditTrail.edges[0].node.sequence")
			.entity(Long.class)
			.get();

		GraphQlTester.Response verification = this.graphQl.documentName("verifyAuditLog").execute();
		verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
		verification.path("verifyAuditLog.firstBrokenSequence").entity(Long.class).isEqualTo(quarantined);
		verification.path("verifyAuditLog.outOfStep").entity(String.class).isEqualTo(id("f"));
		verification.path("verifyAuditLog.problem")
			.entity(String.class)
			.satisfies(problem -> assertThat(problem).contains("beneath the API"));
	}

}
