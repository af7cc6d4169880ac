package dev.provenant.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.provenant.ProvenantApplication;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export restored into a fresh instance answers exactly as the original: the same
 * nodes, lineage, blast radius and audit trail, an audit chain that verifies to the same
 * head, and an export of its own identical to the one it came from. A file that is cut
 * off or inconsistent restores nothing; a store in use is not overwritten.
 */
class ExportImportIT extends GraphQlIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> QUESTIONS = List.of(
			"query($id: ID!) { node(id: $id) { id kind recordedAt quarantined attributes ... on Decision { outcome confidence reviewState reviews { approver { id } verdict rationale at } } ... on Action { status rollback { by reason at } } } }",
			"query($id: ID!) { lineage(id: $id, depth: 10) { nodes { id kind } edges { from to type } } }",
			"query($id: ID!) { auditTrail(id: $id) { totalCount edges { node { sequence at actor operation ids payloadDigest recordsDigest hash } } } }");

	@Test
	void aRestoredExportAnswersAsTheOriginal() throws Exception {
		story().dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "pol", "approverRoles", List.of("officer"))
			.approver("ana")
			.with("role", "officer")
			.decision("d", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.with("attributes", Map.of("channel", "web", "score", 0.42, "tags", List.of("a", "b")))
			.action("a", "2026-11-02T09:01:00Z", "d")
			.action("b", "2026-11-02T09:02:00Z", "d", "a")
			.ingest(this.graphQl);
		this.graphQl.documentName("review")
			.variable("decisionId", id("d"))
			.variable("approverId", id("ana"))
			.variable("verdict", "APPROVE")
			.variable("rationale", "checked")
			.execute()
			.errors()
			.verify();
		markRolledBack("b", "INC-1", "bad model");
		quarantine("crm");
		http(null).post()
			.uri("/api/v1/lineage")
			.header("Authorization", "Bearer " + TestKeys.WRITER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"eventType": "COMPLETE", "eventTime": "2026-11-02T08:00:00Z", "producer": "https://example.com/etl",
							 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
							 "run": {"runId": "%s"}, "job": {"namespace": "%s", "name": "load"},
							 "inputs": [{"namespace": "%s", "name": "raw"}], "outputs": [{"namespace": "%s", "name": "clean"}]}"""
						.formatted(java.util.UUID.randomUUID(), id("etl"), id("etl"), id("etl")))
			.exchange()
			.expectStatus()
			.isCreated();

		String trace = java.util.HexFormat.of()
			.formatHex(java.nio.ByteBuffer.allocate(16)
				.putLong(java.util.UUID.randomUUID().getMostSignificantBits())
				.putLong(1)
				.array());
		http(null).post()
			.uri("/v1/traces")
			.header("X-API-Key", TestKeys.WRITER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"resourceSpans": [{"scopeSpans": [{"spans": [
							 {"traceId": "%s", "spanId": "00000000000000a1", "name": "invoke_agent", "startTimeUnixNano": "1",
							  "endTimeUnixNano": "9", "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "invoke_agent"}}]},
							 {"traceId": "%s", "spanId": "00000000000000a2", "parentSpanId": "00000000000000a1", "name": "decide",
							  "startTimeUnixNano": "2", "endTimeUnixNano": "8", "attributes": [
							  {"key": "provenant.decision.id", "value": {"stringValue": "%s"}},
							  {"key": "provenant.decision.outcome", "value": {"stringValue": "approve"}},
							{"key": "provenant.decision.route", "value": {"stringValue": "AUTONOMOUS"}}]}]}]}]}"""
						.formatted(trace, trace, id("otel-d")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{}");

		String export = export(this.port);
		assertThat(export).contains("\"lineageEvent\"", "\"RUN_OF\"", "\"otlpSpan\"");
		Path store = Files.createTempDirectory("provenant-restore-");
		try (ConfigurableApplicationContext restored = start(store)) {
			int port = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));

			importing(port, withoutLastLine(export)).expectStatus().isBadRequest();
			importing(port, export.replace("\"to\":\"" + id("f") + "\"", "\"to\":\"" + id("missing") + "\""))
				.expectStatus()
				.isBadRequest();
			importing(port, "not json\n").expectStatus().isBadRequest();
			// A file whose records or log were edited does not verify, and nothing of it
			// is
			// kept: the import below finds the store empty.
			assertThat(export).contains("\"rollbackReason\":\"bad model\"");
			importing(port, export.replace("\"rollbackReason\":\"bad model\"", "\"rollbackReason\":\"routine\""))
				.expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.value(body -> assertThat(body).contains("does not verify"));
			importing(port, export.replaceFirst("\"actor\":\"", "\"actor\":\"x")).expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.value(body -> assertThat(body).contains("does not verify"));
			importing(port, export).expectStatus().isOk().expectBody().jsonPath("$.auditEvents").isNumber();

			for (String local : List.of("crm", "f", "d", "a", "b", "ana", "otel-d")) {
				for (String question : QUESTIONS) {
					assertThat(ask(port, question, id(local))).as(local + ": " + question)
						.isEqualTo(ask(this.port, question, id(local)));
				}
			}
			assertThat(verify(port)).isEqualTo(verify(this.port)).containsEntry("ok", true);
			assertThat(body(export(port))).isEqualTo(body(export));

			importing(port, export).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("CONFLICT");
		}
	}

	@Test
	void onlyAdminsExportAndImport() {
		client(this.port).get().uri("/admin/export").exchange().expectStatus().isUnauthorized();
		client(this.port).get()
			.uri("/admin/export")
			.header("X-API-Key", TestKeys.AUDITOR)
			.exchange()
			.expectStatus()
			.isForbidden();
		client(this.port).post()
			.uri("/admin/import")
			.header("X-API-Key", TestKeys.WRITER)
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue("{}\n")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(ProvenantApplication.class).run("--server.port=0",
				"--provenant.embedded.data-dir=" + store, "--provenant.embedded.bolt-port=0",
				"--provenant.embedded.page-cache-mb=64", "--spring.neo4j.uri=", "--" + TestKeys.SETTING);
	}

	private static String export(int port) {
		return client(port).get()
			.uri("/admin/export")
			.header("X-API-Key", TestKeys.ADMIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/x-ndjson")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient.ResponseSpec importing(int port, String ndjson) {
		return client(port).post()
			.uri("/admin/import")
			.header("X-API-Key", TestKeys.ADMIN)
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(ndjson)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> ask(int port, String query, String id) {
		String answer = client(port).post()
			.uri("/graphql")
			.header("X-API-Key", TestKeys.ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", (id != null) ? Map.of("id", id) : Map.of()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> parsed = JSON.readValue(answer, Map.class);
		assertThat(parsed).doesNotContainKey("errors");
		return parsed;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> verify(int port) {
		return (Map<String, Object>) ((Map<String, Object>) ask(port,
				"{ verifyAuditLog { ok checked firstBrokenSequence headHash } }", null)
			.get("data")).get("verifyAuditLog");
	}

	/** The lines after the header (which holds the export's time), in order. */
	private static List<String> body(String export) {
		return Arrays.stream(export.split("\n")).skip(1).collect(Collectors.toList());
	}

	private static String withoutLastLine(String export) {
		String trimmed = export.strip();
		return trimmed.substring(0, trimmed.lastIndexOf('\n') + 1);
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

}
