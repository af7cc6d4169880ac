package dev.provenant.load;

/**
 * A command-line argument the load command cannot use; the message says how to fix it.
 */
final class InvalidOption extends IllegalArgumentException {

	InvalidOption(String message) {
		super(message);
	}

}
