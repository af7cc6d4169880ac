package dev.provenant.otlp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-agent trace, made and sent by the OpenTelemetry Java SDK and its OTLP HTTP
 * exporter, becomes decisions, model versions, reads, actions and agent runs (ADR 14),
 * answered through GraphQL as any recorded decision is: one request or a span per
 * request, protobuf or OTLP JSON, sent once or again, the graph is the same.
 */
class OtlpTracesIT extends GraphQlIT {

	private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

	private String host;

	@BeforeEach
	void prompt() {
		this.host = id("db").replace(":", "");
		as(TestKeys.ADMIN).documentName("ingest")
			.variable("batch",
					Map.of("promptVersions", List.of(Map.of("id", id("prompt:loan"), "prompt", "loan", "version", "3")),
							// The fraud agent's decisions wait for this test's officers
							// alone, so
							// that no other test's review queue shows them.
							"policies",
							List.of(Map.of("id", id("policy:strict"), "minConfidence", 0.9),
									Map.of("id", id("policy:fraud"), "approverRoles", List.of(id("fraud-officer"))))))
			.execute()
			.path("ingest.created")
			.entity(Integer.class)
			.isEqualTo(3);
	}

	@Test
	void aMultiAgentTraceBecomesDecisionsModelCallsReadsActionsAndRuns() {
		List<SpanData> spans = trace("a", 0.95);
		assertThat(exportTogether(spans).isSuccess()).isTrue();

		assertThat(describe("a")).containsExactlyInAnyOrder(
				// the supervisor's decision: its model, prompt, reads and the actions it
				// took
				"dec-a1 MADE_BY model:openai:" + id("gpt-4o-2024-08-06"), "dec-a1 PROMPTED_BY " + id("prompt:loan"),
				"dec-a1 GOVERNED_BY " + id("policy:strict"), "dec-a1 READ " + id("vs:policies"),
				"dec-a1 READ dataset:postgres://" + this.host + ":5432:loans.public.applications",
				"dec-a1 PART_OF run loan-agent", "run loan-agent RUN_OF agent:" + id("loan-agent"),
				"action:" + id("a-call-1") + " EXECUTES dec-a1 reversible=true",
				"action:" + id("a-call-2") + " EXECUTES dec-a1 reversible=false",
				"action:" + id("a-call-2") + " TRIGGERED_BY action:" + id("a-call-1"),
				// the sub-agent's decision, on another provider, in its own run
				"dec-a2 MADE_BY model:anthropic:" + id("claude-sonnet-4"), "dec-a2 GOVERNED_BY " + id("policy:fraud"),
				"dec-a2 READ dataset:mysql://" + this.host + ":3307:fraud.events", "dec-a2 PART_OF run fraud-agent",
				"run fraud-agent RUN_OF agent:" + id("fraud-agent"), "run fraud-agent PART_OF run loan-agent");

		// The tool call that is no action stays a step; the content was not kept.
		assertThat(count("MATCH (a:Action) WHERE a.id STARTS WITH 'action:' + $p RETURN count(a) AS n", id("")))
			.isEqualTo(2);
		assertThat(count("MATCH (s:OtlpSpan {traceId: $p}) RETURN count(s) AS n", spans.get(0).getTraceId()))
			.isEqualTo(spans.size());
		assertThat(count("MATCH (s:OtlpSpan {traceId: $p}) WHERE s.attributes CONTAINS 'APPROVE THE LOAN' "
				+ "OR s.attributes CONTAINS 'gen_ai.input.messages' OR s.attributes CONTAINS 'SELECT *' "
				+ "RETURN count(s) AS n", spans.get(0).getTraceId()))
			.isZero();

		// What the decision was made of, step by step, as the explorer shows it.
		List<Map<String, Object>> steps = this.graphQl
			.document("query($id: ID!) { node(id: $id) { ... on Decision { trace { name operation model tool "
					+ "dataSource action } } } }")
			.variable("id", id("dec-a1"))
			.execute()
			.path("node.trace")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(steps)
			.extracting(step -> step.get("name") + "|" + step.get("operation") + "|" + step.get("model") + "|"
					+ step.get("tool") + "|" + step.get("dataSource") + "|" + step.get("action"))
			.containsExactly("decide loan|null|null|null|null|null",
					"chat gpt-4o|chat|model:openai:" + id("gpt-4o-2024-08-06") + "|null|null|null",
					"retrieval " + id("vs:policies") + "|retrieval|null|null|" + id("vs:policies") + "|null",
					"SELECT applications|db|null|null|dataset:postgres://" + this.host
							+ ":5432:loans.public.applications|null",
					"execute_tool lookup_rates|execute_tool|null|lookup_rates|null|null",
					"execute_tool approve_loan|execute_tool|null|approve_loan|null|action:" + id("a-call-1"),
					"execute_tool notify_customer|execute_tool|null|notify_customer|null|action:" + id("a-call-2"));

		// Governance as at ingest: the sub-agent's decision waits for review, the
		// supervisor's was assessed against its policy.
		decision("dec-a2").path("node.reviewState").entity(String.class).isEqualTo("PENDING");
		decision("dec-a1").path("node.policyViolation").entity(Boolean.class).isEqualTo(false);

		// Incident response and rollback answer about decisions recorded from traces.
		GraphQlTester.Response blast = this.graphQl
			.document("query($id: ID!) { blastRadius(id: $id) { decisionCount actionCount " + "decisionIds { ids } } }")
			.variable("id", id("vs:policies"))
			.execute();
		blast.path("blastRadius.decisionIds.ids").entityList(String.class).containsExactly(id("dec-a1"));
		blast.path("blastRadius.actionCount").entity(Integer.class).isEqualTo(2);
		this.graphQl.document("query($id: ID!) { rollbackScope(id: $id) { actionIds { ids } } }")
			.variable("id", "model:openai:" + id("gpt-4o-2024-08-06"))
			.execute()
			.path("rollbackScope.actionIds.ids")
			.entityList(String.class)
			.containsExactly("action:" + id("a-call-2"), "action:" + id("a-call-1"));
		assertAuditLogVerifies();
	}

	@Test
	void theSameTraceSentAgainAsOtlpJsonChangesNothing() throws Exception {
		List<SpanData> spans = trace("b", 0.95);
		assertThat(exportTogether(spans).isSuccess()).isTrue();
		List<String> before = describe("b");
		long head = headSequence();

		ByteArrayOutputStream json = new ByteArrayOutputStream();
		TraceRequestMarshaler.create(spans).writeJsonTo(json);
		HttpResponse<String> response = postJson(json.toByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{}");

		assertThat(describe("b")).isEqualTo(before);
		assertThat(headSequence()).isEqualTo(head);
	}

	@Test
	void aTraceSentASpanAtATimeChildrenFirstGivesTheSameGraphAsSentWhole() {
		assertThat(exportTogether(trace("c", 0.95)).isSuccess()).isTrue();
		List<SpanData> split = trace("d", 0.95);
		// SimpleSpanProcessor's order: each span as it ends, children before parents.
		for (SpanData span : split) {
			assertThat(export(List.of(span)).isSuccess()).isTrue();
		}
		assertThat(describe("d")).containsExactlyInAnyOrderElementsOf(describe("c").stream()
			.map(line -> line.replace("dec-c", "dec-d").replace(id("c-call"), id("d-call")))
			.toList());
	}

	/**
	 * Three instances behind a load balancer: a trace whose spans reach them one at a
	 * time, in turn, joins up as it does on one, since what ties its spans together is
	 * kept in the store, not in any instance.
	 */
	@Test
	void aTraceSentASpanAtATimeThroughThreeInstancesGivesTheSameGraphAsSentWhole() throws Exception {
		assertThat(exportTogether(trace("p", 0.95)).isSuccess()).isTrue();
		try (var second = startAnotherInstance(); var third = startAnotherInstance()) {
			int[] ports = { this.port, port(second), port(third) };
			List<SpanData> split = trace("q", 0.95);
			for (int i = 0; i < split.size(); i++) {
				assertThat(export(ports[i % ports.length], List.of(split.get(i))).isSuccess()).as("span %d", i)
					.isTrue();
			}
		}
		assertThat(describe("q")).containsExactlyInAnyOrderElementsOf(describe("p").stream()
			.map(line -> line.replace("dec-p", "dec-q").replace(id("p-call"), id("q-call")))
			.toList());
		assertAuditLogVerifies();
	}

	@Test
	void aTraceWhoseDecisionCannotBeRecordedIsRefusedInPartialSuccessAndNothingOfItIsKept() throws Exception {
		List<SpanData> spans = trace("e", 0.95, id("prompt:unknown"));
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		TraceRequestMarshaler.create(spans).writeJsonTo(json);
		HttpResponse<String> response = postJson(json.toByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"rejectedSpans\":\"" + spans.size() + "\"")
			.contains(id("prompt:unknown"));
		String traceId = spans.get(0).getTraceId();
		assertThat(count("MATCH (s:OtlpSpan {traceId: $p}) RETURN count(s) AS n", traceId)).isZero();
		assertThat(count("MATCH (d:Decision) WHERE d.id STARTS WITH $p RETURN count(d) AS n", id("dec-e"))).isZero();
	}

	@Test
	void aRefusedTraceRefusesItselfAloneAndTheRequestsOtherTracesAreRecorded() throws Exception {
		List<SpanData> refused = trace("n", 0.95, id("prompt:unknown"));
		List<SpanData> fine = trace("o", 0.95);
		List<SpanData> both = new ArrayList<>(refused);
		both.addAll(fine);
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		TraceRequestMarshaler.create(both).writeJsonTo(json);
		HttpResponse<String> response = postJson(json.toByteArray());
		assertThat(response.body()).contains("\"rejectedSpans\":\"" + refused.size() + "\"")
			.contains(refused.get(0).getTraceId())
			.doesNotContain(fine.get(0).getTraceId());
		assertThat(count("MATCH (s:OtlpSpan {traceId: $p}) RETURN count(s) AS n", refused.get(0).getTraceId()))
			.isZero();
		assertThat(describe("o")).contains("dec-o1 MADE_BY model:openai:" + id("gpt-4o-2024-08-06"),
				"action:" + id("o-call-1") + " EXECUTES dec-o1 reversible=true");
		assertAuditLogVerifies();
	}

	@Test
	void aSpanMissingWhatItNeedsIsCountedAndTheRestOfItsTraceIsRecorded() throws Exception {
		List<SpanData> spans = trace("f", 0.95, id("prompt:loan"), false);
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		TraceRequestMarshaler.create(spans).writeJsonTo(json);
		HttpResponse<String> response = postJson(json.toByteArray());
		assertThat(response.body()).contains("\"rejectedSpans\":\"1\"").contains("gen_ai.tool.call.id");
		assertThat(count("MATCH (s:OtlpSpan {traceId: $p}) RETURN count(s) AS n", spans.get(0).getTraceId()))
			.isEqualTo(spans.size() - 1);
		assertThat(describe("f")).contains("action:" + id("f-call-1") + " EXECUTES dec-f1 reversible=true")
			.noneMatch(line -> line.contains("notify") || line.contains(id("f-call-2")));
	}

	@Test
	void aDecisionBelowItsPolicysConfidenceThatWentOutAloneIsAViolation() {
		assertThat(exportTogether(trace("g", 0.5)).isSuccess()).isTrue();
		decision("dec-g1").path("node.policyViolation").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aSpanEditedBeneathTheApiIsFoundByTheAuditLog() {
		List<SpanData> spans = trace("h", 0.95);
		assertThat(exportTogether(spans).isSuccess()).isTrue();
		String key = spans.get(0).getTraceId() + ":" + spans.get(0).getSpanId();
		try (Session session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("MATCH (s:OtlpSpan {key: $key}) SET s.name = 'edited'", Map.of("key", key)).consume());
			try {
				this.graphQl.documentName("verifyAuditLog")
					.execute()
					.path("verifyAuditLog.ok")
					.entity(Boolean.class)
					.isEqualTo(false);
			}
			finally {
				session.executeWrite(
						tx -> tx
							.run("MATCH (s:OtlpSpan {key: $key}) SET s.name = $name",
									Map.of("key", key, "name", spans.get(0).getName()))
							.consume());
			}
		}
		assertAuditLogVerifies();
	}

	@Test
	void spansArrivingAfterTheirDecisionAddNewActionsButDoNotRewriteTheDecision() {
		List<SpanData> spans = trace("l", 0.95);
		SpanData decisionSpan = spans.stream().filter(span -> span.getName().equals("decide loan")).findFirst().get();
		double lateBefore = late();
		assertThat(export(List.of(decisionSpan)).isSuccess()).isTrue();
		assertThat(export(spans.stream().filter(span -> span != decisionSpan).toList()).isSuccess()).isTrue();

		// Recorded and assessed as it was when its span came: no model, no reads.
		assertThat(describe("l")).noneMatch(line -> line.startsWith("dec-l1 MADE_BY") || line.startsWith("dec-l1 READ"))
			.contains("dec-l1 PROMPTED_BY " + id("prompt:loan"), "dec-l1 PART_OF run loan-agent",
					"action:" + id("l-call-1") + " EXECUTES dec-l1 reversible=true",
					"dec-l2 MADE_BY model:anthropic:" + id("claude-sonnet-4"));
		assertThat(late()).isEqualTo(lateBefore + 1);
		assertAuditLogVerifies();
	}

	@Test
	void aRequestWithMoreSpansThanTheLimitIsRefusedWhole() throws Exception {
		List<SpanData> spans = trace("m", 0.95);
		try (var limited = startAnotherInstance("--provenant.otlp.max-spans-per-request=3")) {
			assertThat(export(port(limited), spans).isSuccess()).isFalse();
		}
		assertThat(count("MATCH (s:OtlpSpan {traceId: $p}) RETURN count(s) AS n", spans.get(0).getTraceId())).isZero();
	}

	@Test
	void contentIsKeptOnlyWhenAskedFor() throws Exception {
		List<SpanData> spans = trace("k", 0.95);
		try (var keeping = startAnotherInstance("--provenant.otlp.keep-content=true")) {
			assertThat(export(port(keeping), spans).isSuccess()).isTrue();
		}
		assertThat(count(
				"MATCH (s:OtlpSpan {traceId: $p}) WHERE s.attributes CONTAINS 'APPROVE THE LOAN' "
						+ "AND s.attributes CONTAINS 'gen_ai.input.messages' RETURN count(s) AS n",
				spans.get(0).getTraceId()))
			.isEqualTo(1);
	}

	private void assertAuditLogVerifies() {
		this.graphQl.documentName("verifyAuditLog")
			.execute()
			.path("verifyAuditLog.ok")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private double late() {
		return prometheusScrape().lines()
			.filter(line -> line.startsWith("provenant_otlp_records_late_total"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/**
	 * A supervisor agent deciding on a loan (a chat, a retrieval, a database read, two
	 * tool calls that are actions, one triggering the other, and one that is not) and the
	 * fraud agent it invokes deciding on its own (another provider, another database).
	 * Returned in the order the spans ended.
	 */
	private List<SpanData> trace(String name, double confidence) {
		return trace(name, confidence, id("prompt:loan"), true);
	}

	private List<SpanData> trace(String name, double confidence, String prompt) {
		return trace(name, confidence, prompt, true);
	}

	private List<SpanData> trace(String name, double confidence, String prompt, boolean namedActions) {
		List<SpanData> ended = new ArrayList<>();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(collecting(ended)))
			.build()) {
			Tracer tracer = provider.get("provenant-otlp-test");
			Span agent = tracer.spanBuilder("invoke_agent loan-agent")
				.setAttribute(OPERATION, "invoke_agent")
				.setAttribute("gen_ai.agent.id", id("loan-agent"))
				.setAttribute("gen_ai.agent.name", "loan-agent")
				.setAttribute("gen_ai.conversation.id", id("conversation-" + name))
				.startSpan();
			try (Scope a = agent.makeCurrent()) {
				Span decision = tracer.spanBuilder("decide loan")
					.setAttribute("provenant.decision.id", id("dec-" + name + "1"))
					.setAttribute("provenant.decision.outcome", "approve")
					.setAttribute("provenant.decision.subject", "applicant-7")
					.setAttribute("provenant.decision.confidence", confidence)
					.setAttribute("provenant.decision.route", "AUTONOMOUS")
					.setAttribute("provenant.decision.policy", id("policy:strict"))
					.setAttribute("provenant.prompt.id", prompt)
					.startSpan();
				try (Scope d = decision.makeCurrent()) {
					tracer.spanBuilder("chat gpt-4o")
						.setSpanKind(SpanKind.CLIENT)
						.setAttribute(OPERATION, "chat")
						.setAttribute("gen_ai.provider.name", "openai")
						.setAttribute("gen_ai.request.model", id("gpt-4o"))
						.setAttribute("gen_ai.response.model", id("gpt-4o-2024-08-06"))
						.setAttribute("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"APPROVE THE LOAN\"}]")
						.startSpan()
						.end();
					tracer.spanBuilder("retrieval " + id("vs:policies"))
						.setAttribute(OPERATION, "retrieval")
						.setAttribute("gen_ai.data_source.id", id("vs:policies"))
						.startSpan()
						.end();
					tracer.spanBuilder("SELECT applications")
						.setSpanKind(SpanKind.CLIENT)
						.setAttribute("db.system.name", "postgresql")
						.setAttribute("server.address", this.host)
						.setAttribute("db.namespace", "loans|public")
						.setAttribute("db.collection.name", "applications")
						.setAttribute("db.query.text", "SELECT * FROM applications WHERE id = 7")
						.startSpan()
						.end();
					tracer.spanBuilder("execute_tool lookup_rates")
						.setAttribute(OPERATION, "execute_tool")
						.setAttribute("gen_ai.tool.name", "lookup_rates")
						.setAttribute("gen_ai.tool.call.id", id(name + "-call-0"))
						.startSpan()
						.end();
					Span approve = tracer.spanBuilder("execute_tool approve_loan")
						.setAttribute(OPERATION, "execute_tool")
						.setAttribute("gen_ai.tool.name", "approve_loan")
						.setAttribute("gen_ai.tool.call.id", id(name + "-call-1"))
						.setAttribute("provenant.action.type", "approve_loan")
						.setAttribute("provenant.action.reversible", true)
						.startSpan();
					try (Scope t = approve.makeCurrent()) {
						var notify = tracer.spanBuilder("execute_tool notify_customer")
							.setAttribute(OPERATION, "execute_tool")
							.setAttribute("gen_ai.tool.name", "notify_customer")
							.setAttribute("provenant.action.type", "notify")
							.setAttribute("provenant.action.reversible", false);
						if (namedActions) {
							notify.setAttribute("gen_ai.tool.call.id", id(name + "-call-2"));
						}
						notify.startSpan().end();
					}
					approve.end();
				}
				decision.end();
				Span fraud = tracer.spanBuilder("invoke_agent fraud-agent")
					.setAttribute(OPERATION, "invoke_agent")
					.setAttribute("gen_ai.agent.id", id("fraud-agent"))
					.setAttribute("gen_ai.agent.name", "fraud-agent")
					.startSpan();
				try (Scope f = fraud.makeCurrent()) {
					Span flag = tracer.spanBuilder("decide fraud")
						.setAttribute("provenant.decision.id", id("dec-" + name + "2"))
						.setAttribute("provenant.decision.outcome", "flag")
						.setAttribute("provenant.decision.route", "HUMAN_REVIEW")
						.setAttribute("provenant.decision.policy", id("policy:fraud"))
						.startSpan();
					try (Scope g = flag.makeCurrent()) {
						tracer.spanBuilder("chat claude")
							.setAttribute(OPERATION, "chat")
							.setAttribute("gen_ai.provider.name", "anthropic")
							.setAttribute("gen_ai.request.model", id("claude-sonnet-4"))
							.startSpan()
							.end();
						tracer.spanBuilder("SELECT events")
							.setAttribute("db.system.name", "mysql")
							.setAttribute("server.address", this.host)
							.setAttribute("server.port", 3307L)
							.setAttribute("db.namespace", "fraud")
							.setAttribute("db.collection.name", "events")
							.startSpan()
							.end();
					}
					flag.end();
				}
				fraud.end();
			}
			agent.end();
		}
		return ended;
	}

	private static SpanExporter collecting(List<SpanData> into) {
		return new SpanExporter() {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				into.addAll(spans);
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}
		};
	}

	private CompletableResultCode exportTogether(List<SpanData> spans) {
		return export(spans);
	}

	/** Through the SDK's OTLP HTTP exporter: protobuf, gzip, the key in its headers. */
	private CompletableResultCode export(Collection<SpanData> spans) {
		return export(this.port, spans);
	}

	/** As {@link #export(Collection)}, to the instance listening on {@code port}. */
	private CompletableResultCode export(int port, Collection<SpanData> spans) {
		OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
			.setEndpoint("http://127.0.0.1:" + port + "/v1/traces")
			.setCompression("gzip")
			.addHeader("X-API-Key", TestKeys.WRITER)
			.setTimeout(30, TimeUnit.SECONDS)
			.build();
		try {
			return exporter.export(spans).join(30, TimeUnit.SECONDS);
		}
		finally {
			exporter.shutdown().join(10, TimeUnit.SECONDS);
		}
	}

	private HttpResponse<String> postJson(byte[] body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/traces"))
				.header("Content-Type", "application/json")
				.header("X-API-Key", TestKeys.WRITER)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private GraphQlTester.Response decision(String local) {
		return this.graphQl
			.document("query($id: ID!) { node(id: $id) { ... on Decision { reviewState policyViolation } } }")
			.variable("id", id(local))
			.execute();
	}

	/**
	 * The edges of the trace's two decisions, their actions and runs, as lines, with this
	 * test's prefix removed from decision ids and runs named by their agent.
	 */
	private List<String> describe(String name) {
		TreeSet<String> lines = new TreeSet<>();
		for (String local : List.of("dec-" + name + "1", "dec-" + name + "2")) {
			Map<String, Object> decision = this.graphQl.document("""
					query($id: ID!) { node(id: $id) { ... on Decision {
					  modelVersion { id } promptVersion { id } policy { id } dataSources { id }
					  actions { id reversible triggeredBy { id } }
					  run { name job { id } parent { name } } } } }""")
				.variable("id", id(local))
				.execute()
				.path("node")
				.entity(Map.class)
				.get();
			if (decision.isEmpty()) {
				continue;
			}
			edge(lines, local, "MADE_BY", decision.get("modelVersion"));
			edge(lines, local, "PROMPTED_BY", decision.get("promptVersion"));
			edge(lines, local, "GOVERNED_BY", decision.get("policy"));
			for (Object source : (List<?>) decision.get("dataSources")) {
				edge(lines, local, "READ", source);
			}
			for (Object item : (List<?>) decision.get("actions")) {
				Map<?, ?> action = (Map<?, ?>) item;
				lines.add(action.get("id") + " EXECUTES " + local + " reversible=" + action.get("reversible"));
				for (Object trigger : (List<?>) action.get("triggeredBy")) {
					lines.add(action.get("id") + " TRIGGERED_BY " + ((Map<?, ?>) trigger).get("id"));
				}
			}
			if (decision.get("run") instanceof Map<?, ?> run) {
				lines.add(local + " PART_OF run " + run.get("name"));
				if (run.get("job") instanceof Map<?, ?> job) {
					lines.add("run " + run.get("name") + " RUN_OF " + job.get("id"));
				}
				if (run.get("parent") instanceof Map<?, ?> parent) {
					lines.add("run " + run.get("name") + " PART_OF run " + parent.get("name"));
				}
			}
		}
		return List.copyOf(lines);
	}

	private static void edge(TreeSet<String> lines, String from, String type, Object to) {
		if (to instanceof Map<?, ?> node) {
			lines.add(from + " " + type + " " + node.get("id"));
		}
	}

	private long count(String cypher, String parameter) {
		try (Session session = this.driver.session()) {
			return session.run(cypher, Map.of("p", parameter)).single().get("n").asLong();
		}
	}

	private long headSequence() {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (h:AuditHead) RETURN h.sequence AS n").single().get("n").asLong();
		}
	}

}
