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

	/**
	 * The reason and note an event shows are in its hash: edited, added or removed, it
	 * breaks.
	 */
	@Test
	void anEditedAddedOrRemovedNoteIsFound() {
		tamper("MATCH (e:AuditEvent {sequence: $s}) SET e.note = 'nobody asked'",
				"MATCH (e:AuditEvent {sequence: $s}) SET e.note = 'test'", this.quarantined, this.quarantined);
		tamper("MATCH (e:AuditEvent {sequence: $s}) SET e.note = 'INC-1'",
				"MATCH (e:AuditEvent {sequence: $s}) REMOVE e.note", this.reviewed, this.reviewed);
		tamper("MATCH (e:AuditEvent {sequence: $s}) REMOVE e.reason",
				"MATCH (e:AuditEvent {sequence: $s}) SET e.reason = 'bad model'", this.rolledBack, this.rolledBack);
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
		Map<String, Object> properties;
		try (Session session = this.driver.session()) {
			properties = session
				.run("MATCH (:Decision {id: $id})-[r:USED]->() RETURN properties(r) AS p", Map.of("id", id("d")))
				.single()
				.get("p")
				.asMap();
		}
		tamper("MATCH (:Decision {id: $id})-[r:USED]->() DELETE r",
				"MATCH (d:Decision {id: $id}), (f:Feature {id: $f}) CREATE (d)-[r:USED]->(f) SET r = $properties",
				this.ingested, this.ingested, Map.of("id", id("d"), "f", id("f"), "properties", properties));
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

	@Test
	void aPendingDecisionApprovedBeneathTheApiIsFound() {
		story().decision("q", "2026-11-02T09:05:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
		long recorded = latest("q", "INGEST");
		tamperFinding(
				"MATCH (d:Decision {id: $id}), (a:Approver {id: $ana}) SET d.reviewState = 'APPROVED' "
						+ "CREATE (d)-[:APPROVED_BY {verdict: 'APPROVE', at: datetime(), rationale: 'fine', "
						+ "recordedAt: datetime()}]->(a)",
				"MATCH (d:Decision {id: $id})-[r:APPROVED_BY]->() SET d.reviewState = 'PENDING' DELETE r", recorded,
				id("q"), Map.of("id", id("q"), "ana", id("ana")));
	}

	@Test
	void aRemovedQuarantineLabelIsFound() {
		tamperFinding("MATCH (n:Node {id: $id}) REMOVE n:Quarantined", "MATCH (n:Node {id: $id}) SET n:Quarantined",
				this.quarantined, id("crm"), Map.of("id", id("crm")));
	}

	@Test
	void anEdgeAddedBetweenTwoNodesIsFound() {
		tamperFinding(
				"MATCH (d:Decision {id: $id}), (s:Node {id: $crm}) CREATE (d)-[:READ {recordedAt: datetime()}]->(s)",
				"MATCH (:Decision {id: $id})-[r:READ]->() DELETE r", this.ingested, id("d"),
				Map.of("id", id("d"), "crm", id("crm")));
	}

	@Test
	void aNodeNoWriteRecordedIsFound() {
		tamperFinding("CREATE (:Node:DataSource {id: $id, kind: 'DATA_SOURCE', name: 'planted'})",
				"MATCH (n:Node {id: $id}) DETACH DELETE n", headSequence(), id("planted"), Map.of("id", id("planted")));
	}

	@Test
	void aRecordOfAnUnknownKindIsFound() {
		try (Session session = this.driver.session()) {
			session.executeWrite(tx -> tx.run("CREATE (:Intruder {note: 'x'})").consume());
			try {
				GraphQlTester.Response verification = this.graphQl.documentName("verifyAuditLog").execute();
				verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
				verification.path("verifyAuditLog.outOfStep")
					.entity(String.class)
					.satisfies(found -> assertThat(found).contains("Intruder"));
			}
			finally {
				session.executeWrite(tx -> tx.run("MATCH (n:Intruder) DELETE n").consume());
			}
		}
		assertIntact();
	}

	@Test
	void aDeletedNodeIsFoundAtTheFirstEventThatNamesIt() {
		Map<String, Object> saved;
		try (Session session = this.driver.session()) {
			saved = session
				.run("MATCH (n:Node {id: $id}) RETURN labels(n) AS labels, properties(n) AS properties, "
						+ "[(n)-[r]->(m) | {type: type(r), to: m.id, properties: properties(r)}] AS out, "
						+ "[(m:Node)-[r]->(n) | {type: type(r), from: m.id, properties: properties(r)}] AS incoming, "
						+ "[(e:AuditEvent)-[:AUDITED]->(n) | e.sequence] AS events", Map.of("id", id("a")))
				.single()
				.asMap();
		}
		Map<String, Object> params = new java.util.HashMap<>(saved);
		params.put("id", id("a"));
		tamperFinding("MATCH (n:Node {id: $id}) DETACH DELETE n", "CREATE (n:$($labels)) SET n = $properties WITH n "
				+ "CALL (n) { UNWIND $out AS o MATCH (m:Node {id: o.to}) "
				+ "CREATE (n)-[r:$(o.type)]->(m) SET r = o.properties } "
				+ "CALL (n) { UNWIND $incoming AS i MATCH (m:Node {id: i.from}) "
				+ "CREATE (m)-[r:$(i.type)]->(n) SET r = i.properties } "
				+ "CALL (n) { UNWIND $events AS s MATCH (e:AuditEvent {sequence: s}) CREATE (e)-[:AUDITED]->(n) }",
				this.ingested, id("a"), params);
	}

	@Test
	void aLastEventRewrittenWithoutTheServiceKeyIsFound() {
		long head = headSequence();
		Map<String, Object> saved = event(head);
		AuditEvent original = stored(head);
		AuditEvent forged = new AuditEvent(original.sequence(), original.at(), "someone-else", original.operation(),
				original.ids(), original.payloadDigest(), original.recordsDigest(), original.detail(), null,
				original.records(), original.stateDigest(), original.notes());
		String previous = (head == 1) ? AuditEvent.GENESIS : stored(head - 1).hash();
		String forgedHash = AuditEvent.chain(previous, forged.canonicalForm());
		try (Session session = this.driver.session()) {
			session.executeWrite(
					tx -> tx
						.run("MATCH (e:AuditEvent {sequence: $s}), (h:AuditHead) "
								+ "SET e.actor = 'someone-else', e.hash = $hash, h.hash = $hash",
								Map.of("s", head, "hash", forgedHash))
						.consume());
			try {
				GraphQlTester.Response verification = this.graphQl.documentName("verifyAuditLog").execute();
				verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
				verification.path("verifyAuditLog.firstBrokenSequence").entity(Long.class).isEqualTo(head);
				verification.path("verifyAuditLog.problem")
					.entity(String.class)
					.satisfies(problem -> assertThat(problem).contains("signature"));
			}
			finally {
				session.executeWrite(
						tx -> tx
							.run("MATCH (e:AuditEvent {sequence: $s}), (h:AuditHead) "
									+ "SET e = $saved, h.hash = $saved.hash", Map.of("s", head, "saved", saved))
							.consume());
			}
		}
		assertIntact();
	}

	/**
	 * Every field of an event, changed to a value of every type or removed, breaks the
	 * chain there, and never fails the verification with an error.
	 */
	@Test
	void anyFieldOfAnEventChangedToAnyTypeOrRemovedIsFound() {
		long head = headSequence();
		Map<String, Object> saved = event(head);
		List<String> values = List.of("42", "4.2", "true", "'text'", "[1, 2]", "['x']", "datetime()", "null");
		try (Session session = this.driver.session()) {
			for (String field : saved.keySet()) {
				for (String value : values) {
					try {
						session.executeWrite(
								tx -> tx
									.run("MATCH (e:AuditEvent {sequence: $s}) SET e." + field + " = " + value,
											Map.of("s", head))
									.consume());
					}
					catch (org.neo4j.driver.exceptions.ClientException refused) {
						// The database itself refused this change (a sequence another
						// event
						// holds): nothing to find.
						continue;
					}
					try {
						if (session
							.run("MATCH (e:AuditEvent) WHERE e.sequence = $s OR e.hash = $saved.hash "
									+ "RETURN properties(e) AS p", Map.of("s", head, "saved", saved))
							.single()
							.get("p")
							.asMap()
							.equals(saved)) {
							// Set to what it was: nothing changed.
							continue;
						}
						this.graphQl.documentName("verifyAuditLog")
							.variable("fromSequence", head)
							.variable("toSequence", head)
							.execute()
							.path("verifyAuditLog.ok")
							.entity(Boolean.class)
							.satisfies(ok -> assertThat(ok).as(field + " = " + value).isFalse());
					}
					finally {
						session.executeWrite(tx -> tx
							.run("MATCH (e:AuditEvent) WHERE e.sequence = $s OR e.hash = $saved.hash SET e = $saved",
									Map.of("s", head, "saved", saved))
							.consume());
					}
				}
			}
		}
		assertIntact();
	}

	private void tamperFinding(String change, String undo, long expectedBroken, String outOfStep,
			Map<String, Object> params) {
		try (Session session = this.driver.session()) {
			session.executeWrite(tx -> tx.run(change, params).consume());
			try {
				GraphQlTester.Response verification = this.graphQl.documentName("verifyAuditLog").execute();
				verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
				verification.path("verifyAuditLog.firstBrokenSequence").entity(Long.class).isEqualTo(expectedBroken);
				verification.path("verifyAuditLog.outOfStep").entity(String.class).isEqualTo(outOfStep);
			}
			finally {
				session.executeWrite(tx -> tx.run(undo, params).consume());
			}
		}
		assertIntact();
	}

	private long headSequence() {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (h:AuditHead) RETURN h.sequence AS s").single().get("s").asLong();
		}
	}

	private AuditEvent stored(long sequence) {
		try (Session session = this.driver.session()) {
			return StoredEvents
				.read(session.run("MATCH (e:AuditEvent {sequence: $s}) RETURN e", Map.of("s", sequence))
					.single()
					.get("e"))
				.orElseThrow();
		}
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
			.path("verifyAuditLog")
			.entity(Map.class)
			.satisfies(verification -> assertThat(verification).containsEntry("ok", true));
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
