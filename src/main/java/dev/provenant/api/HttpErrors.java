package dev.provenant.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Errors refused before GraphQL runs (body too large, bad credential, rate limit) are
 * written in the shape of a GraphQL response, so a client reads them like any other.
 */
public final class HttpErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpErrors() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, ErrorKind kind, String code,
			String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(body(kind, code, message)));
	}

	/**
	 * Such an error as a controller's answer, for the REST endpoints' exception handlers.
	 */
	public static ResponseEntity<Map<String, Object>> response(HttpStatus status, ErrorKind kind, String code,
			String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(kind, code, message));
	}

	/** The body of such an error: {@code {"errors": [{"message", "extensions"}]}}. */
	public static Map<String, Object> body(ErrorKind kind, String code, String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", kind.name());
		if (code != null) {
			extensions.put("code", code);
		}
		return Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)));
	}

}
