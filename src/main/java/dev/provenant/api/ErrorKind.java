package dev.provenant.api;

import graphql.ErrorClassification;

/** The {@code extensions.classification} of every error Provenant returns. */
public enum ErrorKind implements ErrorClassification {

	BAD_REQUEST, NOT_FOUND, CONFLICT, UNAUTHORIZED, FORBIDDEN, INTERNAL_ERROR

}
