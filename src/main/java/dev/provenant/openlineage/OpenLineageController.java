package dev.provenant.openlineage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.BatchRejected;
import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import dev.provenant.api.QueryTimedOut;
import dev.provenant.api.StateConflict;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenLineage HTTP API, where OpenLineage clients (Airflow, Spark, dbt, Flink, the
 * Java and Python clients) send events by default: {@code POST /api/v1/lineage} takes one
 * event and answers 201 with an empty body, as Marquez does;
 * {@code /api/v1/lineage/batch} takes a JSON array of events, all recorded or none.
 * Bodies may be gzip-compressed ({@code Content-Encoding: gzip}). Writers only (see the
 * security configuration); an API key is sent as {@code Authorization: Bearer <key>}, as
 * the clients do.
 */
@RestController
class OpenLineageController {

	private final LineageEventParser parser;

	private final OpenLineageService service;

	private final ApiProperties api;

	OpenLineageController(LineageEventParser parser, OpenLineageService service, ApiProperties api) {
		this.parser = parser;
		this.service = service;
		this.api = api;
	}

	@PostMapping("/api/v1/lineage")
	ResponseEntity<Void> event(HttpServletRequest request, Authentication caller) throws IOException {
		this.service.record(List.of(this.parser.one(body(request))), caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	@PostMapping("/api/v1/lineage/batch")
	ResponseEntity<Void> batch(HttpServletRequest request, Authentication caller) throws IOException {
		this.service.record(this.parser.batch(body(request)), caller.getName());
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	/**
	 * {@code POST /admin/openlineage/replay} (admins): maps every kept event again with
	 * the current mapping.
	 */
	@PostMapping("/admin/openlineage/replay")
	Map<String, Object> replay(Authentication caller) {
		return Map.of("replayed", this.service.replay(caller.getName()));
	}

	/**
	 * The body, inflated when gzip-compressed; at most
	 * {@code provenant.api.max-request-bytes} once inflated, so a small compressed body
	 * cannot expand without bound.
	 */
	private byte[] body(HttpServletRequest request) throws IOException {
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		InputStream in = request.getInputStream();
		if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
			if (!"gzip".equalsIgnoreCase(encoding.trim())) {
				throw new MalformedEvent("Content-Encoding " + encoding + " is not supported; send gzip or nothing");
			}
			try {
				in = new GZIPInputStream(in);
			}
			catch (ZipException ex) {
				throw new MalformedEvent("The body is marked gzip but is not: " + ex.getMessage());
			}
		}
		try (InputStream body = in) {
			byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.api.maxRequestBytes() + 1));
			if (bytes.length > this.api.maxRequestBytes()) {
				throw new TooLarge(this.api.maxRequestBytes());
			}
			return bytes;
		}
		catch (ZipException ex) {
			throw new MalformedEvent("The gzip body is damaged: " + ex.getMessage());
		}
	}

	@ExceptionHandler(MalformedEvent.class)
	ResponseEntity<Map<String, Object>> malformed(MalformedEvent ex) {
		return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, "MALFORMED_EVENT", ex.getMessage());
	}

	/**
	 * A decision of the provenant_decision facet that ingest refuses; each problem named.
	 */
	@ExceptionHandler(BatchRejected.class)
	ResponseEntity<Map<String, Object>> rejected(BatchRejected ex) {
		return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, "DECISION_REJECTED",
				"A reported decision was refused and nothing was recorded: " + String.join("; ",
						ex.problems().stream().map(problem -> problem.code() + " " + problem.message()).toList()));
	}

	@ExceptionHandler(StateConflict.class)
	ResponseEntity<Map<String, Object>> conflict(StateConflict ex) {
		return HttpErrors.response(HttpStatus.CONFLICT, ErrorKind.CONFLICT, "KIND_CONFLICT", ex.getMessage());
	}

	@ExceptionHandler(TooLarge.class)
	ResponseEntity<Map<String, Object>> tooLarge(TooLarge ex) {
		return HttpErrors.response(HttpStatus.CONTENT_TOO_LARGE, ErrorKind.BAD_REQUEST, "REQUEST_TOO_LARGE",
				ex.getMessage());
	}

	@ExceptionHandler(QueryTimedOut.class)
	ResponseEntity<Map<String, Object>> timedOut(QueryTimedOut ex) {
		return HttpErrors.response(HttpStatus.SERVICE_UNAVAILABLE, ErrorKind.BAD_REQUEST, "QUERY_TIMEOUT",
				ex.getMessage());
	}

	/** A body past the size limit once inflated; 413. */
	static final class TooLarge extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooLarge(long limit) {
			super("The events take more than " + limit
					+ " bytes once inflated (provenant.api.max-request-bytes); send fewer per request");
		}

	}

}
