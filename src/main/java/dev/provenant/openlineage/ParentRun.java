package dev.provenant.openlineage;

import java.util.Map;

import io.openlineage.server.OpenLineage;

/**
 * A run's parent, from the standard {@code parent} run facet ({@code {"run": {"runId"},
 * "job": {"namespace", "name"}}}); the server model keeps facets as plain maps.
 */
record ParentRun(String runId, String jobNamespace, String jobName) {

	/** The event's parent run, or null when it names none (or only in part). */
	static ParentRun of(OpenLineage.RunEvent event) {
		if (event.getRun().getFacets() == null) {
			return null;
		}
		OpenLineage.RunFacet facet = event.getRun().getFacets().getAdditionalProperties().get("parent");
		if (facet == null) {
			return null;
		}
		Object run = facet.getAdditionalProperties().get("run");
		Object job = facet.getAdditionalProperties().get("job");
		if (run instanceof Map<?, ?> runFields && job instanceof Map<?, ?> jobFields
				&& runFields.get("runId") instanceof String runId
				&& jobFields.get("namespace") instanceof String namespace
				&& jobFields.get("name") instanceof String name) {
			return new ParentRun(runId, namespace, name);
		}
		return null;
	}

}
