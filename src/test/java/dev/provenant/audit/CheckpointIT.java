package dev.provenant.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints: the head signed with the key published at /.well-known/jwks.json,
 * which a later verification proves the log still extends.
 */
class CheckpointIT extends GraphQlIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@org.springframework.beans.factory.annotation.Autowired
	private CheckpointPublisher publisher;

	@org.springframework.beans.factory.annotation.Autowired
	private GovernanceEvents events;

	@org.springframework.beans.factory.annotation.Autowired
	private Checkpoints checkpoints;

	@Test
	void aCheckpointIsTheHeadSignedWithThePublishedKey() throws Exception {
		AuditStory.told(story()).ingest(this.graphQl);
		Map<String, Object> checkpoint = checkpoint();
		String[] jws = ((String) checkpoint.get("signature")).split("\\.");
		assertThat(jws).hasSize(3);
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jws[0]));
		assertThat(header.get("alg").asString()).isEqualTo("EdDSA");
		JsonNode jwk = JSON
			.readTree(http(null).get()
				.uri("/.well-known/jwks.json")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.get("keys")
			.get(0);
		assertThat(header.get("kid").asString()).isEqualTo(jwk.get("kid").asString());
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(publicKey(jwk.get("x").asString()));
		verifier.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(Base64.getUrlDecoder().decode(jws[2]))).as("signature verifies with the JWK")
			.isTrue();
		JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(jws[1]));
		assertThat(payload.get("sequence").asLong()).isEqualTo(((Number) checkpoint.get("sequence")).longValue())
			.isEqualTo(headSequence());
		assertThat(payload.get("hash").asString()).isEqualTo(checkpoint.get("hash"));
		assertThat(payload.get("stateDigest").asString()).isEqualTo(checkpoint.get("stateDigest"));
	}

	@Test
	void theLogIsProvedToExtendAnEarlierCheckpoint() {
		AuditStory.told(story()).ingest(this.graphQl);
		Map<String, Object> checkpoint = checkpoint();
		quarantine("crm");
		markRolledBack("a", "ops", "bad model");
		GraphQlTester.Response verification = verify((String) checkpoint.get("signature"));
		verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(true);
		verification.path("verifyAuditLog.checked")
			.entity(Long.class)
			.isEqualTo(headSequence() - ((Number) checkpoint.get("sequence")).longValue());
	}

	@Test
	void aLogRewrittenBeforeTheCheckpointDoesNotExtendIt() {
		AuditStory.told(story()).ingest(this.graphQl);
		Map<String, Object> checkpoint = checkpoint();
		long sequence = ((Number) checkpoint.get("sequence")).longValue();
		String hash = (String) checkpoint.get("hash");
		String other = HexFormat.of().formatHex(new byte[32]).replace('0', 'a');
		try (Session session = this.driver.session()) {
			session.executeWrite(tx -> tx
				.run("MATCH (e:AuditEvent {sequence: $s}) SET e.hash = $h", Map.of("s", sequence, "h", other))
				.consume());
			try {
				GraphQlTester.Response verification = verify((String) checkpoint.get("signature"));
				verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
				verification.path("verifyAuditLog.firstBrokenSequence").entity(Long.class).isEqualTo(sequence);
			}
			finally {
				session.executeWrite(tx -> tx
					.run("MATCH (e:AuditEvent {sequence: $s}) SET e.hash = $h", Map.of("s", sequence, "h", hash))
					.consume());
			}
		}
		verify((String) checkpoint.get("signature")).path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aRecordChangedAfterTheCheckpointIsFoundByVerifyingSinceIt() {
		AuditStory.told(story()).ingest(this.graphQl);
		Map<String, Object> checkpoint = checkpoint();
		markRolledBack("a", "ops", "bad model");
		try (Session session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("MATCH (a:Action {id: $id}) SET a.rollbackReason = 'routine'", Map.of("id", id("a")))
						.consume());
			try {
				GraphQlTester.Response verification = verify((String) checkpoint.get("signature"));
				verification.path("verifyAuditLog.ok").entity(Boolean.class).isEqualTo(false);
				verification.path("verifyAuditLog.outOfStep").entity(String.class).isEqualTo(id("a"));
			}
			finally {
				session.executeWrite(tx -> tx
					.run("MATCH (a:Action {id: $id}) SET a.rollbackReason = 'bad model'", Map.of("id", id("a")))
					.consume());
			}
		}
	}

	@Test
	void aForgedCheckpointIsRefused() {
		Map<String, Object> checkpoint = checkpoint();
		String[] jws = ((String) checkpoint.get("signature")).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(jws[1]), StandardCharsets.UTF_8)
			.replace("\"sequence\":" + checkpoint.get("sequence"), "\"sequence\":1");
		for (String forged : List.of(jws[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ jws[2], "not-a-jws", jws[0] + "." + jws[1] + ".")) {
			verify(forged).errors().satisfy(errors -> Errors.assertAll(errors, "BAD_REQUEST"));
		}
	}

	@Test
	void theCheckpointIsPublishedToEventReceiversOncePerSequence() throws Exception {
		AuditStory.told(story()).ingest(this.graphQl);
		var next = this.events.stream()
			.filter(event -> event.type() == GovernanceEvent.Type.AUDIT_CHECKPOINT)
			.next()
			.toFuture();
		Checkpoint published = this.publisher.publish();
		GovernanceEvent event = next.get(30, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(event.id()).isEqualTo("audit-checkpoint:" + published.sequence());
		Checkpoint carried = this.checkpoints.read((String) event.detail().get("signature")).orElseThrow();
		assertThat(carried.sequence()).isEqualTo(published.sequence());
		assertThat(carried.hash()).isEqualTo(published.hash()).isEqualTo(event.detail().get("hash"));
	}

	@Test
	void checkpointsAreForAuditors() {
		as(dev.provenant.support.TestKeys.WRITER).documentName("auditCheckpoint")
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "FORBIDDEN"));
	}

	private Map<String, Object> checkpoint() {
		@SuppressWarnings("unchecked")
		Map<String, Object> checkpoint = this.graphQl.documentName("auditCheckpoint")
			.execute()
			.path("auditCheckpoint")
			.entity(Map.class)
			.get();
		return checkpoint;
	}

	private GraphQlTester.Response verify(String checkpoint) {
		return this.graphQl.documentName("verifyAuditLog").variable("checkpoint", checkpoint).execute();
	}

	private long headSequence() {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (h:AuditHead) RETURN h.sequence AS s").single().get("s").asLong();
		}
	}

	private static PublicKey publicKey(String x) throws Exception {
		byte[] raw = Base64.getUrlDecoder().decode(x);
		byte[] der = new byte[44];
		System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
		System.arraycopy(raw, 0, der, 12, 32);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
	}

}
