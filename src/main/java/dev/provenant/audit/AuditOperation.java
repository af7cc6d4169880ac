package dev.provenant.audit;

/** The writes the audit log records. */
public enum AuditOperation {

	INGEST, REVIEW, MARK_ROLLED_BACK, QUARANTINE, RELEASE,
	/** Where the whole-store proof starts on a log that began before it (ADR 11). */
	BASELINE,
	/** OpenLineage events recorded and mapped into the graph. */
	OPENLINEAGE,
	/** OpenTelemetry spans kept, and what their traces say mapped into the graph. */
	OTLP

}
