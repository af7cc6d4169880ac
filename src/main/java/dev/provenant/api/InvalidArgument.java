package dev.provenant.api;

/** An argument outside its documented range or format; classified BAD_REQUEST. */
public final class InvalidArgument extends ProvenantException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	public InvalidArgument(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

}
