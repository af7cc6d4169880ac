package dev.provenant.api;

import java.util.List;

/**
 * An ingest batch was refused as a whole; every offending record is named, and nothing
 * was written.
 */
public final class BatchRejected extends ProvenantException {

	private static final long serialVersionUID = 1L;

	private final transient List<RecordProblem> problems;

	public BatchRejected(List<RecordProblem> problems) {
		super("The batch was rejected and nothing was written: " + problems.size() + " problem(s)");
		this.problems = List.copyOf(problems);
	}

	public List<RecordProblem> problems() {
		return this.problems;
	}

}
