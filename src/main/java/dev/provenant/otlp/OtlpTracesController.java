package dev.provenant.otlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.InflatedBody;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OTLP/HTTP traces receiver, where OpenTelemetry SDKs' OTLP HTTP exporters and the
 * Collector's {@code otlphttp} exporter send spans: {@code POST /v1/traces}, protobuf or
 * JSON, gzip or not, answered in the request's encoding as the OTLP specification asks
 * (ADR 14). Writers only; the API key goes in the exporter's headers.
 */
@RestController
class OtlpTracesController {

	private final ApiProperties api;

	private final OtlpProperties otlp;

	private final OtlpService service;

	OtlpTracesController(ApiProperties api, OtlpProperties otlp, OtlpService service) {
		this.api = api;
		this.otlp = otlp;
		this.service = service;
	}

	@PostMapping("/v1/traces")
	ResponseEntity<byte[]> traces(HttpServletRequest request, Authentication caller) throws IOException {
		OtlpEncoding encoding = OtlpEncoding.of(request.getContentType()).orElse(null);
		if (encoding == null) {
			return answer(OtlpEncoding.JSON, HttpStatus.UNSUPPORTED_MEDIA_TYPE, OtlpEncoding.JSON.status("Content-Type "
					+ request.getContentType() + " is not OTLP; send application/x-protobuf or application/json"));
		}
		ExportTraceServiceRequest traces;
		try {
			traces = encoding.decode(InflatedBody.read(request, this.api.maxRequestBytes()));
		}
		catch (InflatedBody.Unreadable | InvalidOtlp ex) {
			return answer(encoding, HttpStatus.BAD_REQUEST, encoding.status(ex.getMessage()));
		}
		catch (InflatedBody.TooLarge ex) {
			return answer(encoding, HttpStatus.CONTENT_TOO_LARGE, encoding.status(ex.getMessage()));
		}
		int spans = traces.getResourceSpansList()
			.stream()
			.flatMap(resource -> resource.getScopeSpansList().stream())
			.mapToInt(ScopeSpans::getSpansCount)
			.sum();
		if (spans > this.otlp.maxSpansPerRequest()) {
			return answer(encoding, HttpStatus.CONTENT_TOO_LARGE,
					encoding.status("The request holds " + spans + " spans; the limit is "
							+ this.otlp.maxSpansPerRequest() + " (provenant.otlp.max-spans-per-request). "
							+ "Nothing was kept; send them in smaller batches"));
		}
		List<String> problems = new ArrayList<>();
		int rejected = 0;
		List<KeptSpan> accepted = new ArrayList<>();
		for (ResourceSpans resource : traces.getResourceSpansList()) {
			for (ScopeSpans scope : resource.getScopeSpansList()) {
				for (Span span : scope.getSpansList()) {
					var problem = SpanCheck.problem(span);
					if (problem.isPresent()) {
						rejected++;
						problems.add("span '" + span.getName() + "': " + problem.get());
					}
					else {
						accepted.add(KeptSpan.of(span, resource.getResource().getAttributesList(),
								scope.getScope().getName(), this.otlp.keepContent()));
					}
				}
			}
		}
		if (!accepted.isEmpty()) {
			OtlpService.Outcome outcome = this.service.record(accepted, caller.getName());
			rejected += outcome.rejected();
			problems.addAll(outcome.problems());
		}
		ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
		if (rejected > 0) {
			response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
				.setRejectedSpans(rejected)
				.setErrorMessage(rejected + " span(s) rejected: "
						+ String.join("; ", problems.subList(0, Math.min(problems.size(), 10)))
						+ ((problems.size() > 10) ? "; …" : "")));
		}
		return answer(encoding, HttpStatus.OK, encoding.encode(response.build()));
	}

	private static ResponseEntity<byte[]> answer(OtlpEncoding encoding, HttpStatus status, byte[] body) {
		return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, encoding.mediaType).body(body);
	}

}
