package dev.provenant.prov;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision's provenance exported as W3C PROV-JSON: valid against the PROV-JSON schema
 * (the 2013 member submission's, with {@code format: uri} dropped so blank-node relation
 * ids pass), every relation pointing at a declared element, the model mapped as
 * documented, and a signed export verifiable with the published key alone.
 */
class ProvExportIT extends GraphQlIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeEach
	void tellTheStory() {
		story().dataSource("crm")
			.feature("income", "crm")
			.model("risk", "income")
			.prompt("explain")
			.add("policies", "id", "lending", "approverRoles", List.of("credit-officer"))
			.approver("ana")
			.decision("d1", "2026-11-02T09:00:00Z", "income")
			.with("modelVersion", "risk")
			.with("promptVersion", "explain")
			.with("policy", "lending")
			.with("route", "HUMAN_REVIEW")
			.action("a1", "2026-11-02T09:05:00Z", "d1")
			.action("a2", "2026-11-02T09:06:00Z", "d1", "a1")
			.ingest(this.graphQl);
		approve("d1", "ana");
	}

	@Test
	void aDecisionsProvenanceIsValidProvJsonMappedAsDocumented() {
		JsonNode document = JSON.readTree(get("/api/v1/prov/" + id("a2") + "?depth=10", TestKeys.READER).expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
		assertThat(schemaErrors(document)).isEmpty();
		assertThat(danglingReferences(document)).isEmpty();

		assertThat(names(document.path("entity"))).containsExactlyInAnyOrder(pv("crm"), pv("income"), pv("risk"),
				pv("explain"), pv("lending"));
		assertThat(names(document.path("activity"))).containsExactlyInAnyOrder(pv("d1"), pv("a1"), pv("a2"));
		assertThat(names(document.path("agent"))).containsExactlyInAnyOrder(pv("ana"), "pv:principal:test-admin");
		assertThat(relations(document, "used", "prov:activity", "prov:entity")).containsExactlyInAnyOrder(
				pv("d1") + " " + pv("income"), pv("d1") + " " + pv("risk"), pv("d1") + " " + pv("explain"));
		assertThat(relations(document, "wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity"))
			.containsExactlyInAnyOrder(pv("income") + " " + pv("crm"), pv("risk") + " " + pv("income"));
		assertThat(relations(document, "wasInformedBy", "prov:informed", "prov:informant"))
			.containsExactlyInAnyOrder(pv("a1") + " " + pv("d1"), pv("a2") + " " + pv("d1"), pv("a2") + " " + pv("a1"));
		assertThat(relations(document, "wasAssociatedWith", "prov:activity", "prov:agent"))
			.containsExactlyInAnyOrder(pv("d1") + " " + pv("ana"), pv("d1") + " pv:principal:test-admin");
		assertThat(relations(document, "wasAssociatedWith", "prov:activity", "prov:plan"))
			.contains(pv("d1") + " " + pv("lending"));
		assertThat(relations(document, "actedOnBehalfOf", "prov:delegate", "prov:responsible"))
			.containsExactly("pv:principal:test-admin " + pv("ana"));
		assertThat(document.path("activity").path(pv("d1")).path("prov:startTime").asString())
			.isEqualTo("2026-11-02T09:00:00Z");
	}

	@Test
	void theGraphQlFieldAndTheEndpointGiveTheSameDocument() {
		Object viaGraphQl = this.graphQl.document("query($id: ID!) { lineage(id: $id, depth: 10) { prov } }")
			.variable("id", id("d1"))
			.execute()
			.path("lineage.prov")
			.entity(Object.class)
			.get();
		JsonNode viaRest = JSON.readTree(get("/api/v1/prov/" + id("d1"), TestKeys.READER).expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
		JsonNode viaGraphQlTree = JSON.valueToTree(viaGraphQl);
		assertThat(viaGraphQlTree).isEqualTo(viaRest);
	}

	@Test
	void aSignedExportVerifiesWithThePublishedKeyAndOnlyAsServed() throws Exception {
		EntityExchangeResult<byte[]> signed = get("/api/v1/prov/" + id("d1") + "?signed=true", TestKeys.READER)
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		String jws = signed.getResponseHeaders().getFirst("Provenant-Signature");
		assertThat(jws).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
		JsonNode jwks = JSON.readTree(get("/.well-known/jwks.json", null).expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
		JsonNode key = jwks.path("keys").get(0);
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))));
		assertThat(header.path("alg").asString()).isEqualTo("EdDSA");
		assertThat(header.path("b64").asBoolean(true)).isFalse();
		assertThat(header.path("kid").asString()).isEqualTo(key.path("kid").asString());

		byte[] body = signed.getResponseBody();
		assertThat(verifies(key.path("x").asString(), jws, body)).isTrue();
		byte[] tampered = body.clone();
		tampered[tampered.length / 2] ^= 1;
		assertThat(verifies(key.path("x").asString(), jws, tampered)).isFalse();
		// The same lineage gives the same bytes: a later export of it verifies with the
		// same signature.
		assertThat(get("/api/v1/prov/" + id("d1"), TestKeys.READER).expectBody(byte[].class)
			.returnResult()
			.getResponseBody()).isEqualTo(body);
	}

	/** An OpenLineage dataset's id holds its namespace, often a URL with '//'. */
	@Test
	void anIdHoldingSlashesIsAskedAsAQueryParameter() {
		String namespace = "s3://" + id("bucket");
		http(null).post()
			.uri("/api/v1/lineage")
			.header("Authorization", "Bearer " + TestKeys.WRITER)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"eventType": "COMPLETE", "eventTime": "2026-11-02T08:00:00Z", "producer": "https://example.com/etl",
							 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
							 "run": {"runId": "%s"}, "job": {"namespace": "etl", "name": "%s"},
							 "inputs": [{"namespace": "%s", "name": "raw"}], "outputs": [{"namespace": "%s", "name": "clean"}]}"""
						.formatted(java.util.UUID.randomUUID(), id("load"), namespace, namespace))
			.exchange()
			.expectStatus()
			.isCreated();
		String dataset = "dataset:" + namespace + ":clean";
		JsonNode document = JSON.readTree(http(TestKeys.READER).get()
			.uri(builder -> builder.path("/api/v1/prov").queryParam("id", "{id}").build(dataset))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
		assertThat(names(document.path("entity"))).contains("pv:" + dataset, "pv:dataset:" + namespace + ":raw");
		assertThat(names(document.path("activity"))).hasSize(1);
		assertThat(schemaErrors(document)).isEmpty();
		// As sent, not normalised by a URI template.
		http(TestKeys.READER).get()
			.uri(java.net.URI.create("http://localhost:" + this.port + "/api/v1/prov/" + dataset))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("URL_REJECTED");
	}

	@Test
	void badRequestsAreNamedAndCredentialsRequired() {
		get("/api/v1/prov/" + id("nope"), TestKeys.READER).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("NOT_FOUND");
		get("/api/v1/prov/" + id("d1") + "?direction=SIDEWAYS", TestKeys.READER).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("direction"));
		get("/api/v1/prov/" + id("d1") + "?depth=99", TestKeys.READER).expectStatus().isBadRequest();
		get("/api/v1/prov/" + id("d1"), null).expectStatus().isUnauthorized();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String path, String key) {
		return http(key).get().uri(path).exchange();
	}

	private static boolean verifies(String x, String jws, byte[] payload) throws Exception {
		byte[] der = new byte[44];
		System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
		System.arraycopy(Base64.getUrlDecoder().decode(x), 0, der, 12, 32);
		PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
		String[] parts = jws.split("\\.", -1);
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(key);
		signature.update((parts[0] + ".").getBytes(StandardCharsets.US_ASCII));
		signature.update(payload);
		return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
	}

	private static List<String> schemaErrors(JsonNode document) {
		try (var in = ProvExportIT.class.getResourceAsStream("/prov/prov-json-schema.json")) {
			Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
				.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
			return schema.validate(document.toString(), InputFormat.JSON)
				.stream()
				.map(error -> error.getInstanceLocation() + " " + error.getMessage())
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Relations naming an element the document does not declare (the schema cannot tell).
	 */
	private static List<String> danglingReferences(JsonNode document) {
		Map<String, Map<String, String>> roles = Map.of("used",
				Map.of("prov:activity", "activity", "prov:entity", "entity"), "wasGeneratedBy",
				Map.of("prov:entity", "entity", "prov:activity", "activity"), "wasDerivedFrom",
				Map.of("prov:generatedEntity", "entity", "prov:usedEntity", "entity"), "wasAssociatedWith",
				Map.of("prov:activity", "activity", "prov:agent", "agent", "prov:plan", "entity"), "wasInformedBy",
				Map.of("prov:informed", "activity", "prov:informant", "activity"), "actedOnBehalfOf",
				Map.of("prov:delegate", "agent", "prov:responsible", "agent", "prov:activity", "activity"));
		List<String> problems = new ArrayList<>();
		roles.forEach((relation,
				byRole) -> document.path(relation).properties().forEach(entry -> byRole.forEach((role, section) -> {
					JsonNode target = entry.getValue().get(role);
					if (target != null && !document.path(section).has(target.asString())) {
						problems.add(relation + " " + entry.getKey() + " " + role + " -> " + target.asString());
					}
				})));
		return problems;
	}

	private static List<String> names(JsonNode section) {
		List<String> names = new ArrayList<>();
		section.properties().forEach(entry -> names.add(entry.getKey()));
		return names;
	}

	private static List<String> relations(JsonNode document, String relation, String from, String to) {
		List<String> pairs = new ArrayList<>();
		document.path(relation).properties().forEach(entry -> {
			if (entry.getValue().has(from) && entry.getValue().has(to)) {
				pairs.add(entry.getValue().path(from).asString() + " " + entry.getValue().path(to).asString());
			}
		});
		return pairs;
	}

	private String pv(String local) {
		return "pv:" + id(local);
	}

}
