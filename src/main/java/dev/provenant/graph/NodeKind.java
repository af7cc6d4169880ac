package dev.provenant.graph;

/**
 * The kinds of recorded facts. Each kind is stored with the common label {@code Node}
 * plus its own label.
 */
public enum NodeKind {

	DATA_SOURCE("DataSource"), FEATURE("Feature"), MODEL_VERSION("ModelVersion"), PROMPT_VERSION("PromptVersion"),
	POLICY("Policy"), APPROVER("Approver"), DECISION("Decision"), ACTION("Action"),
	/** A pipeline job, as OpenLineage names it ({@code job:<namespace>:<name>}). */
	JOB("Job"),
	/** One run of a job ({@code run:<runId>}). */
	RUN("Run");

	private final String label;

	NodeKind(String label) {
		this.label = label;
	}

	/** The Neo4j label (and GraphQL type name) of this kind. */
	public String label() {
		return this.label;
	}

}
