package dev.provenant.api;

/**
 * The caller, or the person it acts for, may not do this; classified FORBIDDEN. Nothing
 * was written.
 */
public final class Forbidden extends ProvenantException {

	private static final long serialVersionUID = 1L;

	public Forbidden(String message) {
		super(message);
	}

}
