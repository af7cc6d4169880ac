package dev.provenant.openlineage;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.provenant.graph.Utc;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.HttpTransportResponseException;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OpenLineage events, sent by the real {@code openlineage-java} client's HTTP transport
 * (gzip, API key as a bearer token) and as raw JSON, land in the provenance graph: runs,
 * jobs and datasets, and lineage from source tables through pipelines to decisions. On a
 * store of its own: the replay test changes a mapping beneath the API, which the audit
 * log keeps on record for good.
 */
@TestPropertySource(properties = "provenant.test.store=openlineage")
class OpenLineageIT extends GraphQlIT {

	private static final URI PRODUCER = URI
		.create("https://github.com/OpenLineage/OpenLineage/tree/1.55.0/client/java");

	private final OpenLineage ol = new OpenLineage(PRODUCER);

	@Test
	void theJavaClientsEventsBecomeRunsJobsAndDatasetsWithLineageToDecisions() throws Exception {
		String ns = id("pg");
		UUID parent = UUID.randomUUID();
		UUID run = UUID.randomUUID();
		ZonedDateTime start = ZonedDateTime.parse("2026-11-20T10:00:00Z");
		try (OpenLineageClient client = client(TestKeys.WRITER)) {
			client.emit(runEvent(OpenLineage.RunEvent.EventType.START, start, parent, "nightly", null, List.of(),
					List.of()));
			client.emit(runEvent(OpenLineage.RunEvent.EventType.START, start.plusMinutes(1), run, "nightly.features",
					parent, List.of(input(ns, "public.orders"), input(ns, "public.customers")),
					List.of(output(ns, "features.credit"))));
			client.emit(runEvent(OpenLineage.RunEvent.EventType.COMPLETE, start.plusMinutes(9), run, "nightly.features",
					parent, List.of(input(ns, "public.orders"), input(ns, "public.customers")),
					List.of(output(ns, "features.credit"))));
			client.emit(this.ol.newDatasetEventBuilder()
				.eventTime(start)
				.dataset(this.ol.newStaticDatasetBuilder().namespace(ns).name("ref.countries").build())
				.build());
			client.emit(this.ol.newJobEventBuilder()
				.eventTime(start)
				.job(this.ol.newJobBuilder().namespace(ns).name("static.copy").build())
				.inputs(List.of(input(ns, "ref.countries")))
				.outputs(List.of(output(ns, "ref.countries_copy")))
				.build());
		}
		String orders = "dataset:" + ns + ":public.orders";
		String customers = "dataset:" + ns + ":public.customers";
		String table = "dataset:" + ns + ":features.credit";
		Map<String, Object> batch = story().feature("score").decision("d1", "2026-11-21T09:00:00Z", "score").batch();
		ingest(batch, "features", "derivedFrom", List.of(table));

		Map<String, Object> runNode = node("run:" + run,
				"... on Run { state startedAt endedAt job { id } inputs { id } outputs { id } parent { id } }");
		assertThat(runNode).containsEntry("state", "COMPLETE")
			.containsEntry("startedAt", "2026-11-20T10:01:00Z")
			.containsEntry("endedAt", "2026-11-20T10:09:00Z")
			.containsEntry("job", Map.of("id", "job:" + ns + ":nightly.features"))
			.containsEntry("inputs", List.of(Map.of("id", customers), Map.of("id", orders)))
			.containsEntry("outputs", List.of(Map.of("id", table)))
			.containsEntry("parent", Map.of("id", "run:" + parent));
		assertThat(node(table, "... on DataSource { uri derivedFrom { id } generatedBy { edges { node { id } } } }"))
			.containsEntry("uri", ns)
			.containsEntry("derivedFrom", List.of(Map.of("id", customers), Map.of("id", orders)))
			.containsEntry("generatedBy", Map.of("edges", List.of(Map.of("node", Map.of("id", "run:" + run)))));
		assertThat(node("dataset:" + ns + ":ref.countries_copy", "... on DataSource { derivedFrom { id } }"))
			.containsEntry("derivedFrom", List.of(Map.of("id", "dataset:" + ns + ":ref.countries")));
		assertThat(node("job:" + ns + ":nightly", "... on Job { namespace runs { totalCount edges { node { id } } } }"))
			.containsEntry("namespace", ns)
			.containsEntry("runs",
					Map.of("totalCount", 1, "edges", List.of(Map.of("node", Map.of("id", "run:" + parent)))));

		List<String> upstream = this.graphQl
			.document("query($id: ID!) { lineage(id: $id, depth: 10) { nodes { id } } }")
			.variable("id", id("d1"))
			.execute()
			.path("lineage.nodes[*].id")
			.entityList(String.class)
			.get();
		assertThat(upstream).contains(orders, customers, table, "run:" + run, "job:" + ns + ":nightly.features");

		for (String asOf : new String[] { null, Utc.END_OF_TIME.toString() }) {
			this.graphQl
				.document("query($id: ID!, $asOf: DateTime) { blastRadius(id: $id, asOf: $asOf) {"
						+ " decisions(first: 10) { edges { node { id } } } } }")
				.variable("id", orders)
				.variable("asOf", asOf)
				.execute()
				.path("blastRadius.decisions.edges[*].node.id")
				.entityList(String.class)
				.containsExactly(id("d1"));
		}
		this.graphQl.document("query($id: ID!) { auditTrail(id: $id) { edges { node { operation actor } } } }")
			.variable("id", "run:" + run)
			.execute()
			.path("auditTrail.edges[*].node")
			.entityList(Object.class)
			.contains(Map.of("operation", "OPENLINEAGE", "actor", "test-writer"));
	}

	/**
	 * An AI pipeline reports its decisions in the provenant_decision run facet: each is
	 * recorded as ingest records decisions (assessed, audited), reading the run's inputs;
	 * one refused refuses the event with it.
	 */
	@Test
	void aPipelineReportsItsDecisionsInTheProvenantFacet() throws Exception {
		String ns = id("pg");
		story().feature("income")
			.model("risk", "income")
			.add("policies", "id", "pol", "minConfidence", 0.8)
			.ingest(this.graphQl);
		UUID run = UUID.randomUUID();
		OpenLineage.RunFacet facet = this.ol.newRunFacet();
		facet.getAdditionalProperties()
			.put("decisions",
					List.of(Map.of("id", id("d1"), "occurredAt", "2026-11-20T10:05:00Z", "outcome", "approve", "route",
							"AUTONOMOUS", "confidence", 0.6, "modelVersion", id("risk"), "features",
							List.of(id("income")), "policy", id("pol"))));
		try (OpenLineageClient client = client(TestKeys.WRITER)) {
			client.emit(this.ol.newRunEventBuilder()
				.eventType(OpenLineage.RunEvent.EventType.COMPLETE)
				.eventTime(ZonedDateTime.parse("2026-11-20T10:06:00Z"))
				.run(this.ol.newRunBuilder()
					.runId(run)
					.facets(this.ol.newRunFacetsBuilder().put("provenant_decision", facet).build())
					.build())
				.job(this.ol.newJobBuilder().namespace(ns).name("score").build())
				.inputs(List.of(input(ns, "applications")))
				.build());
		}
		Map<String, Object> decision = node(id("d1"),
				"... on Decision { modelVersion { id } features { id } dataSources { id } policyViolation }");
		assertThat(decision).containsEntry("modelVersion", Map.of("id", id("risk")))
			.containsEntry("features", List.of(Map.of("id", id("income"))))
			.containsEntry("dataSources", List.of(Map.of("id", "dataset:" + ns + ":applications")))
			// Confidence 0.6 under a 0.8 minimum, sent out alone: governance flags it.
			.containsEntry("policyViolation", true);

		long head = auditHead();
		String refused = rawRunEvent(UUID.randomUUID(), "COMPLETE", "2026-11-20T11:00:00Z", ns)
			.replace("\"run\": {", "\"run\": {\"facets\": {\"provenant_decision\": {\"decisions\": [{\"id\": \""
					+ id("d2")
					+ "\", \"occurredAt\": \"2026-11-20T11:00:00Z\", \"outcome\": \"approve\", \"route\": \"AUTONOMOUS\","
					+ " \"modelVersion\": \"" + id("no-such-model") + "\"}]}},");
		post("/api/v1/lineage", TestKeys.WRITER, refused).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("DECISION_REJECTED")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("UNKNOWN_REFERENCE", id("no-such-model")));
		expectBadRequest("/api/v1/lineage", refused.replace("\"occurredAt\": \"2026-11-20T11:00:00Z\", ", ""),
				"provenant_decision.decisions[0].occurredAt is required");
		assertThat(auditHead()).isEqualTo(head);
		assertThat(count("MATCH (n:Node {id: $ns}) RETURN count(n) AS n", id("d2"))).isZero();
	}

	@Test
	void theSameEventsSentAgainChangeNothing() {
		String event = rawRunEvent(UUID.randomUUID(), "START", "2026-11-20T10:00:00Z", id("ns"));
		post("/api/v1/lineage", TestKeys.WRITER, event).expectStatus().isCreated().expectBody().isEmpty();
		long head = auditHead();
		post("/api/v1/lineage", TestKeys.WRITER, event).expectStatus().isCreated().expectBody().isEmpty();
		post("/api/v1/lineage/batch", TestKeys.WRITER, "[" + event + "," + event + "]").expectStatus().isCreated();
		assertThat(auditHead()).isEqualTo(head);
		assertThat(count("MATCH (e:LineageEvent) WHERE e.json CONTAINS $ns RETURN count(e) AS n", id("ns")))
			.isEqualTo(1);
	}

	/**
	 * The kept events map again with the current mapping: here an edge lost from the
	 * graph (as if an older mapping had not made it) comes back, once however often
	 * replayed.
	 */
	@Test
	void replayingTheKeptEventsMapsThemAgain() {
		String ns = id("ns");
		String event = rawRunEvent(UUID.randomUUID(), "COMPLETE", "2026-11-20T10:00:00Z", ns)
			.replace("\"inputs\": []", "\"inputs\": [{\"namespace\": \"" + ns + "\", \"name\": \"in\"}]")
			.replace("\"outputs\": []", "\"outputs\": [{\"namespace\": \"" + ns + "\", \"name\": \"out\"}]");
		post("/api/v1/lineage", TestKeys.WRITER, event).expectStatus().isCreated();
		String output = "dataset:" + ns + ":out";
		this.driver.executableQuery("MATCH (:Node {id: $id})-[r:DERIVED_FROM]->() DELETE r")
			.withParameters(Map.of("id", output))
			.execute();
		assertThat(node(output, "... on DataSource { derivedFrom { id } }")).containsEntry("derivedFrom", List.of());
		long head = auditHead();
		for (int time = 0; time < 2; time++) {
			http(TestKeys.ADMIN).post()
				.uri("/admin/openlineage/replay")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.replayed")
				.value(replayed -> assertThat(((Number) replayed).longValue()).isPositive());
			assertThat(node(output, "... on DataSource { derivedFrom { id } }")).containsEntry("derivedFrom",
					List.of(Map.of("id", "dataset:" + ns + ":in")));
		}
		assertThat(auditHead()).isGreaterThan(head);
		http(TestKeys.WRITER).post().uri("/admin/openlineage/replay").exchange().expectStatus().isForbidden();
		// The edge was deleted beneath the API: replaying restores the mapping, not the
		// proof, which keeps the change on record.
		this.graphQl.document("{ verifyAuditLog { ok outOfStep } }")
			.execute()
			.path("verifyAuditLog.outOfStep")
			.entity(String.class)
			.isEqualTo(output);
	}

	@Test
	void aLateStartDoesNotReopenACompletedRun() {
		UUID run = UUID.randomUUID();
		post("/api/v1/lineage/batch", TestKeys.WRITER,
				"[" + rawRunEvent(run, "COMPLETE", "2026-11-20T10:05:00Z", id("ns")) + ","
						+ rawRunEvent(run, "START", "2026-11-20T10:00:00Z", id("ns")) + "]")
			.expectStatus()
			.isCreated();
		post("/api/v1/lineage", TestKeys.WRITER, rawRunEvent(run, "RUNNING", "2026-11-20T10:02:00Z", id("ns")))
			.expectStatus()
			.isCreated();
		assertThat(node("run:" + run, "... on Run { state startedAt endedAt }")).containsEntry("state", "COMPLETE")
			.containsEntry("startedAt", "2026-11-20T10:00:00Z")
			.containsEntry("endedAt", "2026-11-20T10:05:00Z");
	}

	@Test
	void aJobsRunsComeAPageAtATimeLatestStartFirst() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		post("/api/v1/lineage/batch", TestKeys.WRITER,
				"[" + rawRunEvent(second, "START", "2026-11-21T10:00:00Z", id("ns")) + ","
						+ rawRunEvent(first, "START", "2026-11-20T10:00:00Z", id("ns")) + ","
						+ rawRunEvent(third, "START", "2026-11-22T10:00:00Z", id("ns")) + "]")
			.expectStatus()
			.isCreated();
		Map<String, Object> page = node("job:" + id("ns") + ":job",
				"... on Job { runs(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }");
		assertThat(page.get("runs").toString()).contains("totalCount=3", "hasNextPage=true");
		assertThat(page.get("runs").toString().indexOf("run:" + third))
			.isLessThan(page.get("runs").toString().indexOf("run:" + second));
		assertThat(page.get("runs").toString()).doesNotContain("run:" + first);
		String cursor = ((Map<?, ?>) ((Map<?, ?>) page.get("runs")).get("pageInfo")).get("endCursor").toString();
		assertThat(node("job:" + id("ns") + ":job",
				"... on Job { runs(first: 2, after: \"" + cursor + "\") { edges { node { id } } } }"))
			.containsEntry("runs", Map.of("edges", List.of(Map.of("node", Map.of("id", "run:" + first)))));
	}

	@Test
	void unknownFacetsAndFieldsAreKept() {
		UUID run = UUID.randomUUID();
		String event = rawRunEvent(run, "START", "2026-11-20T10:00:00Z", id("ns")).replace("\"run\": {",
				"\"vendorExtension\": {\"x\": 1}, \"run\": {\"facets\": {\"acme_cost\": {\"_producer\": \"acme\","
						+ " \"_schemaURL\": \"https://acme.example/cost.json\", \"dollars\": 12.5}},");
		post("/api/v1/lineage", TestKeys.WRITER, event).expectStatus().isCreated();
		assertThat(node("run:" + run, "attributes")).extractingByKey("attributes")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKey("acme_cost");
		assertThat(count("MATCH (e:LineageEvent) WHERE e.json CONTAINS 'vendorExtension' AND e.json CONTAINS $ns"
				+ " RETURN count(e) AS n", id("ns")))
			.isEqualTo(1);
	}

	@Test
	void malformedEventsAreRefusedWithTheReasonAndChangeNothing() {
		long head = auditHead();
		expectBadRequest("/api/v1/lineage", "{\"eventTime\": ", "not valid JSON");
		expectBadRequest("/api/v1/lineage", rawRunEvent(UUID.randomUUID(), "START", "2026-11-20T10:00:00Z", id("ns"))
			.replaceAll("\"runId\": \"[^\"]+\"", "\"runid\": \"x\""), "run.runId is required");
		expectBadRequest("/api/v1/lineage", rawRunEvent(UUID.randomUUID(), "START", "yesterday", id("ns")),
				"eventTime must be");
		expectBadRequest("/api/v1/lineage",
				rawRunEvent(UUID.randomUUID(), "FINISHED", "2026-11-20T10:00:00Z", id("ns")), "eventType must be");
		UUID good = UUID.randomUUID();
		expectBadRequest("/api/v1/lineage/batch",
				"[" + rawRunEvent(good, "START", "2026-11-20T10:00:00Z", id("ns")) + ", {\"producer\": \"p\"}]",
				"[1] eventTime is required");
		expectBadRequest("/api/v1/lineage/batch", "{}", "must be a JSON array");
		assertThat(auditHead()).isEqualTo(head);
		assertThat(count("MATCH (n:Node {id: $ns}) RETURN count(n) AS n", "run:" + good)).isZero();
	}

	@Test
	void anIdStoredAsAnotherKindIsAConflictAndNothingIsRecorded() {
		String ns = id("ns");
		ingest(story().feature("clash").batch(), "features", "id", "dataset:" + ns + ":clash");
		UUID run = UUID.randomUUID();
		String event = rawRunEvent(run, "START", "2026-11-20T10:00:00Z", ns).replace("\"outputs\": []",
				"\"outputs\": [{\"namespace\": \"" + ns + "\", \"name\": \"clash\"}]");
		post("/api/v1/lineage", TestKeys.WRITER, event).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("CONFLICT")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("is already stored as a FEATURE"));
		assertThat(count("MATCH (n:Node {id: $ns}) RETURN count(n) AS n", "run:" + run)).isZero();
	}

	@Test
	void onlyWritersMaySendEvents() {
		String event = rawRunEvent(UUID.randomUUID(), "START", "2026-11-20T10:00:00Z", id("ns"));
		post("/api/v1/lineage", null, event).expectStatus().isUnauthorized();
		post("/api/v1/lineage", TestKeys.READER, event).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("This needs the writer role");
		try (OpenLineageClient client = client("not-a-key")) {
			assertThatThrownBy(() -> client.emit(this.ol.newDatasetEventBuilder()
				.eventTime(ZonedDateTime.now())
				.dataset(this.ol.newStaticDatasetBuilder().namespace(id("ns")).name("t").build())
				.build())).isInstanceOfSatisfying(HttpTransportResponseException.class,
						ex -> assertThat(ex.getStatusCode()).isEqualTo(401));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * Ingests a story's batch with one field of its first record of {@code kind} set as
	 * given: OpenLineage ids carry no test prefix.
	 */
	@SuppressWarnings("unchecked")
	private void ingest(Map<String, Object> batch, String kind, String field, Object value) {
		((List<Map<String, Object>>) batch.get(kind)).get(0).put(field, value);
		this.graphQl.documentName("ingest").variable("batch", batch).execute().errors().verify();
	}

	private OpenLineageClient client(String apiKey) {
		HttpConfig config = new HttpConfig();
		config.setUrl(URI.create("http://localhost:" + this.port));
		ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
		auth.setApiKey(apiKey);
		config.setAuth(auth);
		config.setCompression(HttpConfig.Compression.GZIP);
		return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
	}

	private OpenLineage.RunEvent runEvent(OpenLineage.RunEvent.EventType type, ZonedDateTime at, UUID runId, String job,
			UUID parent, List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
		String ns = id("pg");
		OpenLineage.RunFacetsBuilder facets = this.ol.newRunFacetsBuilder();
		if (parent != null) {
			facets.parent(this.ol.newParentRunFacetBuilder()
				.run(this.ol.newParentRunFacetRunBuilder().runId(parent).build())
				.job(this.ol.newParentRunFacetJobBuilder().namespace(ns).name("nightly").build())
				.build());
		}
		return this.ol.newRunEventBuilder()
			.eventType(type)
			.eventTime(at)
			.run(this.ol.newRunBuilder().runId(runId).facets(facets.build()).build())
			.job(this.ol.newJobBuilder().namespace(ns).name(job).build())
			.inputs(inputs)
			.outputs(outputs)
			.build();
	}

	private OpenLineage.InputDataset input(String namespace, String name) {
		return this.ol.newInputDatasetBuilder().namespace(namespace).name(name).build();
	}

	private OpenLineage.OutputDataset output(String namespace, String name) {
		return this.ol.newOutputDatasetBuilder().namespace(namespace).name(name).build();
	}

	private static String rawRunEvent(UUID run, String type, String at, String ns) {
		return """
				{"eventType": "%s", "eventTime": "%s", "producer": "https://example.com/test",
				 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
				 "run": {"runId": "%s"}, "job": {"namespace": "%s", "name": "job"}, "inputs": [], "outputs": []}"""
			.formatted(type, at, run, ns);
	}

	private WebTestClient.ResponseSpec post(String path, String bearer, String body) {
		WebTestClient.RequestBodySpec request = http(null).post().uri(path).contentType(MediaType.APPLICATION_JSON);
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return request.bodyValue(body).exchange();
	}

	private void expectBadRequest(String path, String body, String reason) {
		post(path, TestKeys.WRITER, body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains(reason));
	}

	private Map<String, Object> node(String id, String selection) {
		return this.graphQl.document("query($id: ID!) { node(id: $id) { id " + selection + " } }")
			.variable("id", id)
			.execute()
			.path("node")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private long auditHead() {
		return count("MATCH (h:AuditHead) RETURN h.sequence AS n", null);
	}

	private long count(String cypher, String ns) {
		return this.driver.executableQuery(cypher)
			.withParameters((ns != null) ? Map.of("ns", ns) : Map.of())
			.execute()
			.records()
			.get(0)
			.get("n")
			.asLong();
	}

}
