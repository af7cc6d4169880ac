package dev.provenant.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code provenant.api.max-request-bytes} on
 * {@code /graphql} and the OpenLineage endpoints before anything reads them, with a
 * GraphQL-shaped error a client can show. Bodies sent without a length are refused the
 * same way: a client that can send megabytes can say how many.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final ApiProperties api;

	RequestSizeLimit(ApiProperties api) {
		this.api = api;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(request.getRequestURI().startsWith("/graphql") || request.getRequestURI().startsWith("/api/v1/lineage")
				|| request.getRequestURI().equals("/v1/traces")) || !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.api.maxRequestBytes()) {
			refuse(response, length);
			return;
		}
		chain.doFilter((length < 0) ? new Limited(request, this.api.maxRequestBytes()) : request, response);
	}

	private void refuse(HttpServletResponse response, long length) throws IOException {
		HttpErrors.write(response, HttpStatus.CONTENT_TOO_LARGE, ErrorKind.BAD_REQUEST, "REQUEST_TOO_LARGE",
				"The request sends a body of " + length + " bytes; the limit is " + this.api.maxRequestBytes()
						+ " bytes (provenant.api.max-request-bytes). Split the batch.");
	}

	/** A request whose body stops being readable past the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++this.read > Limited.this.limit) {
						throw new IOException("Request body larger than " + Limited.this.limit + " bytes");
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0 && (this.read += n) > Limited.this.limit) {
						throw new IOException("Request body larger than " + Limited.this.limit + " bytes");
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
