package dev.provenant.consistency;

/** A {@code Provenant-Consistency} value this service did not issue. */
final class InvalidConsistencyToken extends RuntimeException {

	InvalidConsistencyToken() {
		super("Provenant-Consistency: not a consistency token this service issued (send back the value of "
				+ "extensions.consistency from a mutation's answer, unchanged)");
	}

}
