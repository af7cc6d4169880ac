package dev.provenant.api;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@code /graphql} body that is not JSON GraphQL can read (malformed, or nested deeper
 * than the JSON parser allows) is answered with a classified GraphQL error, like every
 * other refusal, instead of the servlet container's generic error page.
 */
@Component
class UnreadableRequests implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof HttpMessageNotReadableException) || !request.getRequestURI().startsWith("/graphql")) {
			return null;
		}
		try {
			HttpErrors.write(response, HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, "UNREADABLE_REQUEST",
					"The request body is not a JSON GraphQL request Provenant can read (malformed JSON, or nested "
							+ "deeper than 500 levels)");
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
