package dev.provenant.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * A POST body as the receivers of other tools' events read it (OpenLineage, OTLP):
 * inflated when {@code Content-Encoding: gzip}, and at most a limit once inflated, so
 * that a small compressed body cannot expand without bound.
 */
public final class InflatedBody {

	private InflatedBody() {
	}

	/**
	 * @throws Unreadable for an encoding other than gzip, or a body marked gzip that is
	 * not
	 * @throws TooLarge past {@code limit} bytes once inflated
	 */
	public static byte[] read(HttpServletRequest request, long limit) throws IOException {
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		InputStream in = request.getInputStream();
		if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
			if (!"gzip".equalsIgnoreCase(encoding.trim())) {
				throw new Unreadable("Content-Encoding " + encoding + " is not supported; send gzip or nothing");
			}
			try {
				in = new GZIPInputStream(in);
			}
			catch (ZipException ex) {
				throw new Unreadable("The body is marked gzip but is not: " + ex.getMessage());
			}
		}
		try (InputStream body = in) {
			byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw new TooLarge(limit);
			}
			return bytes;
		}
		catch (ZipException ex) {
			throw new Unreadable("The gzip body is damaged: " + ex.getMessage());
		}
	}

	/** A body that cannot be read as sent. */
	public static final class Unreadable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unreadable(String message) {
			super(message);
		}

	}

	/** A body past the limit once inflated. */
	public static final class TooLarge extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooLarge(long limit) {
			super("The body takes more than " + limit
					+ " bytes once inflated (provenant.api.max-request-bytes); send less per request");
		}

	}

}
