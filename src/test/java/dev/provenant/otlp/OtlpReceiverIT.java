package dev.provenant.otlp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver as OpenTelemetry's own clients reach it: the Java SDK's OTLP HTTP exporter
 * (protobuf, gzip, the API key in its headers), and OTLP JSON as a Collector sends it.
 */
class OtlpReceiverIT extends GraphQlIT {

	private static final String TRACE = "5b8efff798038103d269b633813fc60c";

	@Test
	void theSdksExporterIsAnsweredWithSuccess() {
		assertThat(export(TestKeys.WRITER).isSuccess()).isTrue();
	}

	@Test
	void withoutAWritersKeyTheExportFails() {
		assertThat(export(null).isSuccess()).isFalse();
		assertThat(export(TestKeys.READER).isSuccess()).isFalse();
	}

	@Test
	void aSpanMissingWhatADecisionNeedsIsRejectedInPartialSuccessAndTheOthersAreKept() throws Exception {
		String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span("1111111111111111", "{}") + ","
				+ span("2222222222222222",
						"{\"key\":\"provenant.decision.id\",\"value\":{\"stringValue\":\"dec:otlp-1\"}}")
				+ "]}]}]}";
		HttpResponse<byte[]> response = post("application/json", json.getBytes(StandardCharsets.UTF_8), false);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(body).contains("\"rejectedSpans\":\"1\"").contains("provenant.decision.outcome");

		HttpResponse<byte[]> gzipped = post("application/json",
				("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span("3333333333333333", "{}") + "]}]}]}")
					.getBytes(StandardCharsets.UTF_8),
				true);
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(new String(gzipped.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
	}

	@Test
	void whatIsNotOtlpIsAnswered400Or415WithAStatusNever500() throws Exception {
		HttpResponse<byte[]> garbage = post("application/x-protobuf", new byte[] { (byte) 0xff, 1, 2, 3 }, false);
		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
		HttpResponse<byte[]> badHex = post("application/json",
				"{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"nothex\"}]}]}]}"
					.getBytes(StandardCharsets.UTF_8),
				false);
		assertThat(badHex.statusCode()).isEqualTo(400);
		assertThat(new String(badHex.body(), StandardCharsets.UTF_8)).contains("traceId 'nothex'");
		HttpResponse<byte[]> text = post("text/plain", "hello".getBytes(StandardCharsets.UTF_8), false);
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("application/x-protobuf");
		HttpResponse<byte[]> notGzip = post("application/x-protobuf", "plain".getBytes(StandardCharsets.UTF_8), true,
				false);
		assertThat(notGzip.statusCode()).isEqualTo(400);
	}

	@Test
	void theResponseIsAnExportTraceServiceResponseInProtobuf() throws Exception {
		HttpResponse<byte[]> empty = post("application/x-protobuf", new byte[0], false);
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(ExportTraceServiceResponse.parseFrom(empty.body()).hasPartialSuccess()).isFalse();
	}

	private CompletableResultCode export(String apiKey) {
		var exporter = OtlpHttpSpanExporter.builder()
			.setEndpoint("http://127.0.0.1:" + this.port + "/v1/traces")
			.setCompression("gzip")
			.setTimeout(10, TimeUnit.SECONDS);
		if (apiKey != null) {
			exporter.addHeader("X-API-Key", apiKey);
		}
		// SimpleSpanProcessor exports each span as it ends; the result is the last
		// export's.
		CompletableResultCode[] last = new CompletableResultCode[1];
		OtlpHttpSpanExporter built = exporter.build();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(new io.opentelemetry.sdk.trace.export.SpanExporter() {
				@Override
				public CompletableResultCode export(
						java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
					last[0] = built.export(spans);
					return last[0];
				}

				@Override
				public CompletableResultCode flush() {
					return built.flush();
				}

				@Override
				public CompletableResultCode shutdown() {
					return built.shutdown();
				}
			}))
			.build()) {
			Tracer tracer = provider.get("otlp-receiver-test");
			Span agent = tracer.spanBuilder("invoke_agent credit-agent")
				.setAttribute(AttributeKey.stringKey("gen_ai.operation.name"), "invoke_agent")
				.startSpan();
			try (Scope scope = agent.makeCurrent()) {
				tracer.spanBuilder("chat gpt-4o")
					.setAttribute(AttributeKey.stringKey("gen_ai.operation.name"), "chat")
					.setAttribute(AttributeKey.stringKey("gen_ai.provider.name"), "openai")
					.startSpan()
					.end();
			}
			agent.end();
			provider.forceFlush().join(10, TimeUnit.SECONDS);
		}
		return last[0].join(10, TimeUnit.SECONDS);
	}

	private static String span(String spanId, String attribute) {
		return "{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + spanId + "\",\"name\":\"s" + spanId + "\",\"kind\":1,"
				+ "\"startTimeUnixNano\":\"1764950400000000000\",\"endTimeUnixNano\":\"1764950401000000000\","
				+ "\"attributes\":[" + ("{}".equals(attribute) ? "" : attribute) + "]}";
	}

	private HttpResponse<byte[]> post(String contentType, byte[] body, boolean gzip) throws Exception {
		return post(contentType, body, gzip, gzip);
	}

	private HttpResponse<byte[]> post(String contentType, byte[] body, boolean markedGzip, boolean gzip)
			throws Exception {
		byte[] sent = body;
		if (gzip) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
				out.write(body);
			}
			sent = bytes.toByteArray();
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/traces"))
			.header("Content-Type", contentType)
			.header("X-API-Key", TestKeys.WRITER)
			.POST(HttpRequest.BodyPublishers.ofByteArray(sent));
		if (markedGzip) {
			request.header("Content-Encoding", "gzip");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
