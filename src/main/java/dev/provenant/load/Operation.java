package dev.provenant.load;

/** What one request of the load does; each kind is reported on its own line. */
enum Operation {

	INGEST("ingest"), LINEAGE("lineage"), BLAST_RADIUS("blastRadius"), ASSESS("assess"), NODE("node"),
	ROLLBACK_SCOPE("rollbackScope");

	private final String label;

	Operation(String label) {
		this.label = label;
	}

	/** The GraphQL field the operation calls, as the report names it. */
	String label() {
		return this.label;
	}

	static Operation[] queries() {
		return new Operation[] { LINEAGE, BLAST_RADIUS, ASSESS, NODE, ROLLBACK_SCOPE };
	}

}
