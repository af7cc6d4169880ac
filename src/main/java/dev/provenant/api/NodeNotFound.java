package dev.provenant.api;

/** A query or mutation named an id that no stored node has; classified NOT_FOUND. */
public final class NodeNotFound extends ProvenantException {

	private static final long serialVersionUID = 1L;

	private final String id;

	public NodeNotFound(String id, String what) {
		super("No " + what + " with id '" + id + "'");
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
