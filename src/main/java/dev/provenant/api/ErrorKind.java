package dev.provenant.api;

import graphql.ErrorClassification;

/** The {@code extensions.classification} of every error Provenant returns. */
public enum ErrorKind implements ErrorClassification {

	BAD_REQUEST, NOT_FOUND, CONFLICT, UNAUTHORIZED, FORBIDDEN,

	/** The instance cannot answer this now (e.g. it has not caught up yet); try again. */
	UNAVAILABLE,

	INTERNAL_ERROR

}
