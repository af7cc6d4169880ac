package dev.provenant.graph;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One run of a job, as its OpenLineage events report it.
 *
 * @param runId the run's UUID
 * @param state the state of the latest event by event time (START, RUNNING, COMPLETE,
 * ABORT, FAIL or OTHER), or {@code null} when only job or dataset events named it
 * @param startedAt the event time of its START event, if one came
 * @param endedAt the event time of its COMPLETE, ABORT or FAIL event, if one came
 */
public record Run(String id, String name, OffsetDateTime recordedAt, Map<String, Object> attributes, String runId,
		String state, OffsetDateTime startedAt, OffsetDateTime endedAt) implements ProvenanceNode {

	@Override
	public NodeKind kind() {
		return NodeKind.RUN;
	}

	/** Runs are not inputs of decisions, so they are never quarantined themselves. */
	@Override
	public boolean quarantined() {
		return false;
	}

}
