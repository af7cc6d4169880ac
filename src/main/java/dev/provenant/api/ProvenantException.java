package dev.provenant.api;

/**
 * The root of every error Provenant reports to a client. Each subtype carries what the
 * user needs to fix the request and maps to one classification; anything else is an
 * internal error whose details stay in the log.
 */
public abstract sealed class ProvenantException extends RuntimeException permits InvalidArgument, NodeNotFound,
		BatchRejected, Forbidden, StateConflict, QueryTimedOut, LimitExceeded, AnswerTooLarge {

	private static final long serialVersionUID = 1L;

	protected ProvenantException(String message) {
		super(message, null, false, false);
	}

}
