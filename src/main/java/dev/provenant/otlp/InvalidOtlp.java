package dev.provenant.otlp;

/**
 * A request body that is not OTLP at all: answered 400, and the exporter does not retry.
 */
class InvalidOtlp extends RuntimeException {

	InvalidOtlp(String message) {
		super(message);
	}

}
