package dev.provenant.openlineage;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.ingest.ProvenanceBatch.DecisionInput;

import io.openlineage.server.OpenLineage;

/**
 * One OpenLineage event as received: its text (kept as is, so that a better mapping can
 * be replayed over it), the digest that identifies it, and the model object it parsed to.
 *
 * @param json the event's JSON, as sent
 * @param sha256 digest of the event's canonical JSON: a replayed event has the same
 * @param type RunEvent, DatasetEvent or JobEvent
 * @param eventTime when the producer says it happened
 * @param event the parsed model: an {@link OpenLineage.RunEvent},
 * {@link OpenLineage.DatasetEvent} or {@link OpenLineage.JobEvent}
 * @param runFacets a run event's {@code run.facets} as JSON text, or {@code null}
 * @param decisions what a run's {@code provenant_decision} facet reports (see
 * {@link DecisionFacet})
 */
record LineageEvent(String json, String sha256, Type type, OffsetDateTime eventTime, OpenLineage.BaseEvent event,
		String runFacets, List<DecisionInput> decisions) {

	enum Type {

		RunEvent, DatasetEvent, JobEvent

	}

}
