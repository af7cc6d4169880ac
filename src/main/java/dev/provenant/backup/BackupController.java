package dev.provenant.backup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.QueryTimedOut;
import dev.provenant.api.StateConflict;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /admin/export} streams the whole graph and audit log as NDJSON;
 * {@code POST /admin/import} restores such a file into an empty store. Both are for
 * admins (see the security configuration).
 */
@RestController
class BackupController {

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private final GraphExport export;

	private final GraphImport restore;

	private final Clock clock;

	BackupController(GraphExport export, GraphImport restore, Clock clock) {
		this.export = export;
		this.restore = restore;
		this.clock = clock;
	}

	@GetMapping("/admin/export")
	ResponseEntity<StreamingResponseBody> export() {
		String name = "provenant-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
			.format(ZonedDateTime.now(this.clock).withZoneSameInstant(ZoneOffset.UTC)) + ".ndjson";
		return ResponseEntity.ok()
			.contentType(NDJSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(out -> this.export.export(out));
	}

	@PostMapping("/admin/import")
	GraphExport.ExportCounts restore(InputStream body) throws IOException {
		return this.restore.importFrom(body);
	}

	@ExceptionHandler(InvalidArgument.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidArgument ex) {
		return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, null, ex.getMessage());
	}

	@ExceptionHandler(QueryTimedOut.class)
	ResponseEntity<Map<String, Object>> timedOut(QueryTimedOut ex) {
		return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, null, ex.getMessage());
	}

	@ExceptionHandler(StateConflict.class)
	ResponseEntity<Map<String, Object>> conflict(StateConflict ex) {
		return HttpErrors.response(HttpStatus.CONFLICT, ErrorKind.CONFLICT, null, ex.getMessage());
	}

}
