package dev.provenant.load;

import java.util.List;

/**
 * How the service answered one request.
 *
 * @param status the HTTP status, or 0 when no answer came (refused, timed out)
 * @param nanos from sending the request to having read the whole answer
 * @param errors the messages of the answer's {@code errors} array, or why there was no
 * usable answer; empty when the request succeeded
 */
record Reply(int status, long nanos, List<String> errors) {

	static final int TOO_MANY_REQUESTS = 429;

	boolean succeeded() {
		return this.status == 200 && this.errors.isEmpty();
	}

	boolean rateLimited() {
		return this.status == TOO_MANY_REQUESTS;
	}

	/** The first message, for a report; only meaningful when the request failed. */
	String firstError() {
		return this.errors.isEmpty() ? "HTTP " + this.status : this.errors.get(0);
	}

}
