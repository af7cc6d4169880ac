package dev.provenant.api;

/**
 * The node is not in a state that allows the change (e.g. reviewing a decision already
 * reviewed); CONFLICT.
 */
public final class StateConflict extends ProvenantException {

	private static final long serialVersionUID = 1L;

	private final String id;

	public StateConflict(String id, String message) {
		super(message);
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
