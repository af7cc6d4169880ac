package dev.provenant.audit;

import java.util.List;
import java.util.Map;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes made directly in the database, through a raw Bolt session as an intruder would,
 * are found by verifyAuditLog at the event they concern. Each test undoes its tampering,
 * so the shared log verifies again.
 */
class TamperingIT extends GraphQlIT {

	private long ingested;

	private long rolledBack;

	private long quarantined;

	private long reviewed;

	@BeforeEach
	void tellTheStory() {
		Story story = AuditStory.told(story());
		story.ingest(this.graphQl);
		markRolledBack("a", "ops", "bad model");
		quarantine("crm");
		this.graphQl.documentName("review")
			.variable("decisionId", id("p"))
			.variable("approverId", id("ana"))
			.variable("verdict", "REJECT")
			.variable("rationale", "stale data")
			.execute()
			.path("review.reviewState")
			.entity(String.class)
			.isEqualTo("REJECTED");
		this.ingested = latest("d", "INGEST");
		this.rolledBack = latest("a", "MARK_ROLLED_BACK");
		this.quarantined = latest("crm", "QUARANTINE");
		this.reviewed = latest("p", "REVIEW");
		assertIntact();
	}

	@Test
	void anEditedEventIsFound() {
		tamper("MATCH (e:AuditEvent {sequence: $s}) SET e.actor = 'someone-else'",
				"MATCH (e:AuditEvent {sequence: $s}) SET e.actor = 'test-admin'", this.rolledBack, this.rolledBack);
	}

	@Test
	void anEditedPayloadDigestIsFound() {
		String digest = eventProperty(this.ingested, "payloadDigest");
		// Flip the first hex digit to one it is not, so the digest always changes.
		tamper("MATCH (e:AuditEvent {sequence: $s}) "
				+ "SET e.payloadDigest = CASE WHEN e.payloadDigest STARTS WITH '0' THEN '1' ELSE '0' END "
				+ "+ substring(e.payloadDigest, 1)",
				"MATCH (e:AuditEvent {sequence: $s}) SET e.payloadDigest = '" + digest + "'", this.ingested,
				this.ingested);
	}

	@Test
	void aDeletedEventIsFound() {
		Map<String, Object> saved = event(this.rolledBack);
		tamper("MATCH (e:AuditEvent {sequence: $s}) DETACH DELETE e",
				"CREATE (e:AuditEvent) SET e = $saved WITH e MATCH (n:Node {id: $id}) CREATE (e)-[:AUDITED]->(n)",
				this.rolledBack, this.rolledBack, Map.of("saved", saved, "id", id("a")));
	}

	@Test
	void reorderedEventsAreFound() {
		String swap = "MATCH (x:AuditEvent {sequence: $s}), (y:AuditEvent {sequence: $t}) "
				+ "SET x.sequence = -1 WITH x, y SET y.sequence = $s WITH x SET x.sequence = $t";
		tamper(swap, swap, this.rolledBack, this.rolledBack, Map.of("t", this.quarantined));
	}

	@Test
	void aDeletedLastEventIsFoundAgainstTheHead() {
		long last = latest("p", "REVIEW");
		Map<String, Object> saved = event(last);
		tamper("MATCH (e:AuditEvent {sequence: $s}) DETACH DELETE e",
				"CREATE (e:AuditEvent) SET e = $saved WITH e UNWIND $ids AS id MATCH (n:Node {id: id}) "
						+ "CREATE (e)-[:AUDITED]->(n)",
				last, last, Map.of("saved", saved, "ids", List.of(id("p"), id("ana"))));
	}

	@Test
	void anEditedRecordIsFoundAtTheEventThatProducedIt() {
		tamper("MATCH (d:Decision {id: $id}) SET d.outcome = 'decline'",
				"MATCH (d:Decision {id: $id}) SET d.outcome = 'approve'", this.ingested, this.ingested,
				Map.of("id", id("d")));
	}

	@Test
	void aDeletedEdgeIsFound() {
		tamper("MATCH (:Decision {id: $id})-[r:USED]->() DELETE r",
				"MATCH (d:Decision {id: $id}), (f:Feature {id: $f}) CREATE (d)-[:USED]->(f)", this.ingested,
				this.ingested, Map.of("id", id("d"), "f", id("f")));
	}

	@Test
	void anEditedReviewRollbackOrQuarantineIsFound() {
		tamper("MATCH (:Decision {id: $id})-[r:APPROVED_BY]->() SET r.rationale = 'looked fine'",
				"MATCH (:Decision {id: $id})-[r:APPROVED_BY]->() SET r.rationale = 'stale data'", this.reviewed,
				this.reviewed, Map.of("id", id("p")));
		tamper("MATCH (a:Action {id: $id}) SET a.rollbackReason = 'routine'",
				"MATCH (a:Action {id: $id}) SET a.rollbackReason = 'bad model'", this.rolledBack, this.rolledBack,
				Map.of("id", id("a")));
		String entry = nodeHistory("crm");
		tamper("MATCH (n:Node {id: $id}) SET n.quarantineHistory = ['{}']",
				"MATCH (n:Node {id: $id}) SET n.quarantineHistory = [$entry]", this.quarantined, this.quarantined,
				Map.of("id", id("crm"), "entry", entry));
	}

	private void tamper(String change, String undo, long expectedBroken, long sequence) {
		tamper(change, undo, expectedBroken, sequence, Map.of(), Map.of());
	}

	private void tamper(String change, String undo, long expectedBroken, long sequence, Map<String, Object> params) {
		tamper(change, undo, expectedBroken, sequence, params, params);
	}

	private void tamper(String change, String undo, long expectedBroken, long sequence,
			Map<String, Object> changeParams, Map<String, Object> undoParams) {
		try (Session session = this.driver.session()) {
			session.executeWrite(tx -> tx.run(change, with(changeParams, sequence)).consume());
			try {
				GraphQlTester.Response verification = this.graphQl.documentName("verifyAuditLog").execute();
				verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
				verification.path("verifyAuditLog.firstBrokenSequence").entity(Long.class).isEqualTo(expectedBroken);
			}
			finally {
				session.executeWrite(tx -> tx.run(undo, with(undoParams, sequence)).consume());
			}
		}
		assertIntact();
	}

	private static Map<String, Object> with(Map<String, Object> params, long sequence) {
		Map<String, Object> all = new java.util.HashMap<>(params);
		all.putIfAbsent("s", sequence);
		return all;
	}

	private void assertIntact() {
		this.graphQl.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private long latest(String local, String operation) {
		List<Map<String, Object>> events = this.graphQl.documentName("auditTrail")
			.variable("id", id(local))
			.execute()
			.path("auditTrail.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map(TamperingIT::castMap)
			.filter(event -> operation.equals(event.get("operation")))
			.toList();
		return ((Number) events.get(0).get("sequence")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private Map<String, Object> event(long sequence) {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (e:AuditEvent {sequence: $s}) RETURN properties(e) AS p", Map.of("s", sequence))
				.single()
				.get("p")
				.asMap();
		}
	}

	private String eventProperty(long sequence, String property) {
		return event(sequence).get(property).toString();
	}

	private String nodeHistory(String local) {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (n:Node {id: $id}) RETURN n.quarantineHistory[0] AS h", Map.of("id", id(local)))
				.single()
				.get("h")
				.asString();
		}
	}

}
