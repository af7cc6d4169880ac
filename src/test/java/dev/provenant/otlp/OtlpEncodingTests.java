package dev.provenant.otlp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpEncodingTests {

	private static final String TRACE = "5b8efff798038103d269b633813fc60c";

	private static final String SPAN = "eee19b7ec3c1b174";

	@Test
	void jsonIdsAreHexAsTheOtlpSpecificationHasThem() {
		String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + TRACE + "\",\"spanId\":\""
				+ SPAN + "\",\"parentSpanId\":\"\",\"name\":\"chat gpt-4o\",\"kind\":3,"
				+ "\"startTimeUnixNano\":\"1544712660000000000\",\"endTimeUnixNano\":\"1544712661000000000\","
				+ "\"attributes\":[{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}}],"
				+ "\"someFieldFromANewerVersion\":true}]}]}]}";
		Span span = OtlpEncoding.JSON.decode(json.getBytes(StandardCharsets.UTF_8))
			.getResourceSpans(0)
			.getScopeSpans(0)
			.getSpans(0);
		assertThat(HexFormat.of().formatHex(span.getTraceId().toByteArray())).isEqualTo(TRACE);
		assertThat(HexFormat.of().formatHex(span.getSpanId().toByteArray())).isEqualTo(SPAN);
		assertThat(span.getParentSpanId().isEmpty()).isTrue();
		assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(span.getEndTimeUnixNano()).isEqualTo(1544712661000000000L);
		assertThat(span.getAttributes(0).getValue().getStringValue()).isEqualTo("chat");
	}

	@Test
	void protobufRoundTrips() {
		ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder()
				.addScopeSpans(ScopeSpans.newBuilder()
					.addSpans(Span.newBuilder()
						.setTraceId(ByteString.fromHex(TRACE))
						.setSpanId(ByteString.fromHex(SPAN))
						.setName("invoke_agent"))))
			.build();
		assertThat(OtlpEncoding.PROTOBUF.decode(request.toByteArray())).isEqualTo(request);
		assertThat(OtlpEncoding.JSON.decode(OtlpEncoding.JSON.encode(request))).isEqualTo(request);
		assertThat(new String(OtlpEncoding.JSON.encode(request), StandardCharsets.UTF_8)).contains(TRACE);
	}

	@Test
	void whatIsNotOtlpIsSaidSo() {
		assertThatThrownBy(() -> OtlpEncoding.PROTOBUF.decode(new byte[] { (byte) 0xff, 0x01, 0x02 }))
			.isInstanceOf(InvalidOtlp.class)
			.hasMessageContaining("application/x-protobuf");
		assertThatThrownBy(() -> OtlpEncoding.JSON.decode("{not json".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidOtlp.class)
			.hasMessageContaining("not JSON");
		assertThatThrownBy(() -> OtlpEncoding.JSON
			.decode("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\"}]}]}]}"
				.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidOtlp.class)
			.hasMessageContaining("traceId 'xyz' is not 32 hex digits");
		assertThatThrownBy(() -> OtlpEncoding.JSON
			.decode(("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"spanId\":\"zzzzzzzzzzzzzzzz\"}]}]}]}")
				.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidOtlp.class)
			.hasMessageContaining("spanId 'zzzzzzzzzzzzzzzz' is not hex");
	}

	@Test
	void errorsAndPartialSuccessAreAnsweredInTheRequestsEncoding() throws Exception {
		CodedInputStream status = CodedInputStream.newInstance(OtlpEncoding.PROTOBUF.status("bad \"data\""));
		assertThat(status.readTag()).isEqualTo((2 << 3) | 2);
		assertThat(status.readString()).isEqualTo("bad \"data\"");
		assertThat(new String(OtlpEncoding.JSON.status("bad \"data\"\n"), StandardCharsets.UTF_8))
			.isEqualTo("{\"message\":\"bad \\\"data\\\"\\n\"}");
		ExportTraceServiceResponse partial = ExportTraceServiceResponse.newBuilder()
			.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(2).setErrorMessage("why"))
			.build();
		assertThat(ExportTraceServiceResponse.parseFrom(OtlpEncoding.PROTOBUF.encode(partial))).isEqualTo(partial);
		assertThat(new String(OtlpEncoding.JSON.encode(partial), StandardCharsets.UTF_8))
			.isEqualTo("{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"why\"}}");
	}

}
