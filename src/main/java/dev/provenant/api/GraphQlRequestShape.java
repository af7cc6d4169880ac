package dev.provenant.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request to {@code /graphql} that is not a JSON POST (nor a WebSocket handshake) gets
 * a classified JSON error that says what to send, where the GraphQL handler would answer
 * with a bare 405 or 415: the first mistakes with curl are a missing {@code Content-Type}
 * and a GET.
 */
@Component
class GraphQlRequestShape extends OncePerRequestFilter {

	static final String PATH = "/graphql";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PATH.equals(request.getRequestURI())
				|| "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			HttpErrors.write(response, HttpStatus.METHOD_NOT_ALLOWED, ErrorKind.BAD_REQUEST, "METHOD_NOT_ALLOWED",
					"GraphQL is answered to POST " + PATH + ", not " + request.getMethod()
							+ ", with a JSON body {\"query\": \"…\", \"variables\": {…}} and Content-Type: "
							+ "application/json. To explore in a browser, open /graphiql");
			return;
		}
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
			HttpErrors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorKind.BAD_REQUEST,
					"UNSUPPORTED_MEDIA_TYPE",
					"Send the request with Content-Type: application/json (with curl: -H 'Content-Type: "
							+ "application/json'); it came with " + ((type == null) ? "none" : "'" + type + "'"));
			return;
		}
		chain.doFilter(request, response);
	}

}
