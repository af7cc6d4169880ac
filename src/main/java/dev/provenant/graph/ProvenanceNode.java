package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A recorded fact. One record per kind implements it; the record's simple name is the
 * GraphQL type name.
 */
public sealed interface ProvenanceNode
		permits DataSource, Feature, ModelVersion, PromptVersion, Policy, Approver, Decision, Action, Job, Run {

	String id();

	NodeKind kind();

	String name();

	OffsetDateTime recordedAt();

	/** The JSON object given at ingest, or {@code null}. */
	Map<String, Object> attributes();

	/** Whether the node is under quarantine now (only inputs of decisions can be). */
	boolean quarantined();

}
