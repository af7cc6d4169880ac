package dev.provenant.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path Provenant does not serve gets a classified JSON error that lists what it does
 * serve, instead of Spring's bare status.
 */
@RestControllerAdvice
class UnknownPaths {

	static final String SERVED = "Provenant serves POST /graphql (GraphQL), /graphiql, /explorer, /actuator/health, "
			+ "POST /api/v1/lineage (OpenLineage events), POST /v1/traces (OpenTelemetry traces, OTLP/HTTP) and "
			+ "/api/v1/prov/{id} (W3C PROV); / links them";

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
		return HttpErrors.response(HttpStatus.NOT_FOUND, ErrorKind.NOT_FOUND, "NO_SUCH_PATH",
				"Nothing at " + request.getRequestURI() + ". " + SERVED);
	}

}
