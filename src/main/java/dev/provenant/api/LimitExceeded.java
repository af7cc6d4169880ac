package dev.provenant.api;

/**
 * A request went past one of the limits that keep one caller from taking the service down
 * (a rate, the subscriptions held open, the length or aliases of a query); classified
 * BAD_REQUEST with a {@code code} naming the limit. Nothing was run or written.
 */
public final class LimitExceeded extends ProvenantException {

	private static final long serialVersionUID = 1L;

	private final String code;

	public LimitExceeded(String code, String message) {
		super(message);
		this.code = code;
	}

	/** Which limit: {@code RATE_LIMITED}, {@code TOO_MANY_SUBSCRIPTIONS}, ... */
	public String code() {
		return this.code;
	}

}
