package dev.provenant.api;

/**
 * An answer would weigh more than the service builds at once; classified BAD_REQUEST,
 * since the remedy is a narrower question, never an OutOfMemoryError for everyone.
 */
public final class AnswerTooLarge extends ProvenantException {

	private static final long serialVersionUID = 1L;

	private final long estimatedBytes;

	private final long limitBytes;

	public AnswerTooLarge(String question, long items, long estimatedBytes, long limitBytes) {
		super(question + " would hold " + items + " items (~" + megabytes(estimatedBytes)
				+ " MB), more than the service builds at once (" + megabytes(limitBytes)
				+ " MB: provenant.api.max-answer-bytes, or the free heap). Narrow it: a time window (from/to), "
				+ "or a node further downstream; then page through it with first/after.");
		this.estimatedBytes = estimatedBytes;
		this.limitBytes = limitBytes;
	}

	public long estimatedBytes() {
		return this.estimatedBytes;
	}

	public long limitBytes() {
		return this.limitBytes;
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

}
