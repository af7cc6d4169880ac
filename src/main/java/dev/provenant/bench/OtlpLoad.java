package dev.provenant.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Agents recording themselves through {@code /v1/traces}: each sender posts OTLP protobuf
 * requests as an SDK's batch exporter does, each trace an agent run with one decision, a
 * model call, a retrieval, a database read and two tool calls that are actions (seven
 * spans). A request the service answers with anything but a full success fails the run.
 */
final class OtlpLoad {

	static final int SPANS_PER_TRACE = 7;

	private static final long SECOND = 1_000_000_000L;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI endpoint;

	private final String apiKey;

	private final AtomicLong traces = new AtomicLong();

	/**
	 * @param run tells this run's traces from another's, so that a bench run may start on
	 * a store that holds some
	 */
	private final long run;

	OtlpLoad(URI endpoint, String apiKey, long run) {
		this.endpoint = endpoint;
		this.apiKey = apiKey;
		this.run = run;
	}

	/** What a phase measured. */
	record Result(int senders, long requests, long spans, long decisions, double seconds, Measurement request) {

		double spansPerSecond() {
			return this.spans / this.seconds;
		}

		double decisionsPerSecond() {
			return this.decisions / this.seconds;
		}

	}

	/**
	 * Each of {@code senders} posts {@code requests} requests of {@code tracesPerRequest}
	 * traces.
	 */
	Result run(int senders, int requests, int tracesPerRequest) {
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		try {
			List<Future<Void>> running = new ArrayList<>();
			for (int s = 0; s < senders; s++) {
				Callable<Void> sender = () -> {
					for (int r = 0; r < requests; r++) {
						byte[] body = request(tracesPerRequest).toByteArray();
						long start = System.nanoTime();
						send(body);
						latencies.add(System.nanoTime() - start);
					}
					return null;
				};
				running.add(pool.submit(sender));
			}
			for (Future<Void> sender : running) {
				sender.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while sending traces", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("an OTLP sender failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long sent = (long) senders * requests;
		long tracesSent = sent * tracesPerRequest;
		return new Result(senders, sent, tracesSent * SPANS_PER_TRACE, tracesSent, seconds,
				Measurement.ofNanos(latencies.stream().mapToLong(Long::longValue).toArray()));
	}

	private void send(byte[] body) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/x-protobuf")
			.header("X-API-Key", this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/v1/traces answered " + response.statusCode());
		}
		ExportTraceServiceResponse answer = ExportTraceServiceResponse.parseFrom(response.body());
		if (answer.hasPartialSuccess() && answer.getPartialSuccess().getRejectedSpans() > 0) {
			throw new IllegalStateException(
					"/v1/traces rejected spans: " + answer.getPartialSuccess().getErrorMessage());
		}
	}

	private ExportTraceServiceRequest request(int tracesPerRequest) {
		ScopeSpans.Builder scope = ScopeSpans.newBuilder()
			.setScope(InstrumentationScope.newBuilder().setName("provenant-bench"));
		for (int t = 0; t < tracesPerRequest; t++) {
			trace(scope, this.traces.incrementAndGet());
		}
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder()
				.setResource(Resource.newBuilder().addAttributes(text("service.name", "bench-agent")))
				.addScopeSpans(scope))
			.build();
	}

	private void trace(ScopeSpans.Builder scope, long n) {
		ByteString traceId = ByteString.copyFrom(ByteBuffer.allocate(16).putLong(this.run).putLong(n).array());
		long t0 = 1_795_172_400L * SECOND + n * 10 * SECOND;
		String decision = "otlp-bench:" + this.run + ":" + n;
		scope.addSpans(span(traceId, 1, 0, "invoke_agent bench-agent", t0, t0 + 9 * SECOND,
				text("gen_ai.operation.name", "invoke_agent"), text("gen_ai.agent.id", "bench-agent")));
		scope.addSpans(span(traceId, 2, 1, "decide", t0 + SECOND, t0 + 8 * SECOND,
				text("provenant.decision.id", decision), text("provenant.decision.outcome", "approve"),
				text("provenant.decision.route", "HUMAN_REVIEW")));
		scope.addSpans(
				span(traceId, 3, 2, "chat gpt-4o", t0 + SECOND, t0 + 3 * SECOND, text("gen_ai.operation.name", "chat"),
						text("gen_ai.provider.name", "openai"), text("gen_ai.request.model", "gpt-4o-bench")));
		scope.addSpans(span(traceId, 4, 2, "retrieval kb:bench", t0 + 3 * SECOND, t0 + 4 * SECOND,
				text("gen_ai.operation.name", "retrieval"), text("gen_ai.data_source.id", "kb:otlp-bench")));
		scope.addSpans(span(traceId, 5, 2, "SELECT orders", t0 + 4 * SECOND, t0 + 5 * SECOND,
				text("db.system.name", "postgresql"), text("server.address", "bench-db"),
				text("db.namespace", "shop|public"), text("db.collection.name", "orders")));
		scope.addSpans(span(traceId, 6, 2, "execute_tool act", t0 + 5 * SECOND, t0 + 7 * SECOND,
				text("gen_ai.operation.name", "execute_tool"), text("gen_ai.tool.call.id", decision + ":1"),
				text("provenant.action.type", "act")));
		scope.addSpans(span(traceId, 7, 6, "execute_tool notify", t0 + 6 * SECOND, t0 + 6 * SECOND + 1,
				text("gen_ai.operation.name", "execute_tool"), text("gen_ai.tool.call.id", decision + ":2"),
				text("provenant.action.type", "notify")));
	}

	private static Span span(ByteString traceId, long id, long parent, String name, long start, long end,
			KeyValue... attributes) {
		Span.Builder span = Span.newBuilder()
			.setTraceId(traceId)
			.setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array()))
			.setName(name)
			.setStartTimeUnixNano(start)
			.setEndTimeUnixNano(end);
		if (parent != 0) {
			span.setParentSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(parent).array()));
		}
		for (KeyValue attribute : attributes) {
			span.addAttributes(attribute);
		}
		return span.build();
	}

	private static KeyValue text(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

}
