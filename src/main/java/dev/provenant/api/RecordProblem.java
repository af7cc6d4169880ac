package dev.provenant.api;

/**
 * One thing wrong with one record of an ingest batch.
 *
 * @param record where the record sits in the batch, e.g. {@code decisions[3]}
 * @param id the record's id, when it has a usable one
 * @param field the offending field, or {@code null} when the record as a whole is at
 * fault
 * @param code what kind of problem it is
 * @param message a sentence a person can act on
 */
public record RecordProblem(String record, String id, String field, Code code, String message) {

	/** Problem codes, each with the classification it is reported under. */
	public enum Code {

		INVALID_VALUE(ErrorKind.BAD_REQUEST), UNKNOWN_REFERENCE(ErrorKind.BAD_REQUEST),
		WRONG_KIND(ErrorKind.BAD_REQUEST), CYCLE(ErrorKind.BAD_REQUEST), BATCH_TOO_LARGE(ErrorKind.BAD_REQUEST),
		CONFLICT(ErrorKind.CONFLICT);

		private final ErrorKind classification;

		Code(ErrorKind classification) {
			this.classification = classification;
		}

		public ErrorKind classification() {
			return this.classification;
		}

	}

}
