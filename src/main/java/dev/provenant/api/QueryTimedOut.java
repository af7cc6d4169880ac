package dev.provenant.api;

import java.time.Duration;

/**
 * A transaction ran past {@code provenant.store.transaction-timeout} and was rolled back;
 * classified BAD_REQUEST, since the remedy is a narrower question.
 */
public final class QueryTimedOut extends ProvenantException {

	private static final long serialVersionUID = 1L;

	public QueryTimedOut(Duration limit) {
		super("The request ran longer than the " + limit.toMillis()
				+ " ms transaction limit (provenant.store.transaction-timeout) and was stopped; nothing was written. "
				+ "Ask a narrower question: a smaller depth, time window or page.");
	}

}
