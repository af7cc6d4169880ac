package dev.provenant.prov;

import dev.provenant.signing.ServiceKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import dev.provenant.api.ErrorKind;
import dev.provenant.api.HttpErrors;
import dev.provenant.api.InvalidArgument;
import dev.provenant.api.NodeNotFound;
import dev.provenant.api.QueryTimedOut;
import dev.provenant.graph.Direction;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/prov/{id}}: a node's lineage as W3C PROV-JSON, for readers. With
 * {@code signed=true} the response carries a detached Ed25519 signature of its exact
 * bytes in {@code Provenant-Signature}; {@code GET /.well-known/jwks.json} (public)
 * serves the key that verifies it.
 */
@RestController
class ProvController {

	static final String SIGNATURE_HEADER = "Provenant-Signature";

	private static final MediaType PROV_JSON = MediaType.parseMediaType("application/json");

	private final ProvService prov;

	private final ServiceKey signer;

	ProvController(ProvService prov, ServiceKey signer) {
		this.prov = prov;
		this.signer = signer;
	}

	/**
	 * The id in the path; ids with slashes (an OpenLineage dataset's namespace) may be
	 * sent in the path too, but one holding {@code //} must come as {@code ?id=}: such
	 * paths are refused before they get here.
	 */
	@GetMapping({ "/api/v1/prov", "/api/v1/prov/{*path}" })
	ResponseEntity<byte[]> prov(@PathVariable(required = false) String path,
			@RequestParam(name = "id", required = false) String id,
			@RequestParam(defaultValue = "UPSTREAM") String direction, @RequestParam(defaultValue = "10") int depth,
			@RequestParam(required = false) String asOf, @RequestParam(defaultValue = "false") boolean signed) {
		String node = (id != null) ? id : (path != null && path.startsWith("/")) ? path.substring(1) : path;
		if (node == null || node.isEmpty()) {
			throw new InvalidArgument("id", "Name a node: /api/v1/prov/<id> or /api/v1/prov?id=<id>");
		}
		byte[] bytes = this.prov.bytes(this.prov.document(node, direction(direction), depth, time(asOf)));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(PROV_JSON);
		if (signed) {
			response.header(SIGNATURE_HEADER, this.prov.sign(bytes));
		}
		return response.body(bytes);
	}

	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/jwk-set+json"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.body(this.signer.jwks());
	}

	private static Direction direction(String value) {
		try {
			return Direction.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgument("direction", "direction is UPSTREAM or DOWNSTREAM, not " + value);
		}
	}

	private static OffsetDateTime time(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArgument("asOf", "asOf must be an ISO-8601 date-time with an offset, not " + value);
		}
	}

	@ExceptionHandler(InvalidArgument.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidArgument ex) {
		return HttpErrors.response(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, null, ex.getMessage());
	}

	@ExceptionHandler(NodeNotFound.class)
	ResponseEntity<Map<String, Object>> notFound(NodeNotFound ex) {
		return HttpErrors.response(HttpStatus.NOT_FOUND, ErrorKind.NOT_FOUND, null, ex.getMessage());
	}

	@ExceptionHandler(QueryTimedOut.class)
	ResponseEntity<Map<String, Object>> timedOut(QueryTimedOut ex) {
		return HttpErrors.response(HttpStatus.SERVICE_UNAVAILABLE, ErrorKind.BAD_REQUEST, null, ex.getMessage());
	}

}
