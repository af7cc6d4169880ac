package dev.provenant.openlineage;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.BatchRejected;
import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import dev.provenant.api.InflatedBody;
import dev.provenant.api.QueryTimedOut;
import dev.provenant.api.StateConflict;
import jakarta.servlet.http.HttpServletRequest;

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

	private byte[] body(HttpServletRequest request) throws IOException {
		try {
			return InflatedBody.read(request, this.api.maxRequestBytes());
		}
		catch (InflatedBody.Unreadable ex) {
			throw new MalformedEvent(ex.getMessage());
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

	@ExceptionHandler(InflatedBody.TooLarge.class)
	ResponseEntity<Map<String, Object>> tooLarge(InflatedBody.TooLarge ex) {
		return HttpErrors.response(HttpStatus.CONTENT_TOO_LARGE, ErrorKind.BAD_REQUEST, "REQUEST_TOO_LARGE",
				ex.getMessage());
	}

	@ExceptionHandler(QueryTimedOut.class)
	ResponseEntity<Map<String, Object>> timedOut(QueryTimedOut ex) {
		return HttpErrors.response(HttpStatus.SERVICE_UNAVAILABLE, ErrorKind.BAD_REQUEST, "QUERY_TIMEOUT",
				ex.getMessage());
	}

}
