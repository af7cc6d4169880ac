package dev.provenant.openlineage;

/** An event that is not JSON, or lacks what the OpenLineage spec requires; 400. */
final class MalformedEvent extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MalformedEvent(String message) {
		super(message);
	}

}
