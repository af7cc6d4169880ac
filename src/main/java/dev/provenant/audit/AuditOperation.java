package dev.provenant.audit;

/** The writes the audit log records. */
public enum AuditOperation {

	INGEST, REVIEW, MARK_ROLLED_BACK, QUARANTINE, RELEASE,
	/** OpenLineage events recorded and mapped into the graph. */
	OPENLINEAGE

}
