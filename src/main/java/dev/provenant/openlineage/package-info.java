/**
 * OpenLineage ingest: {@code POST /api/v1/lineage} takes events as OpenLineage clients
 * send them to Marquez, keeps them as received, and maps datasets, jobs and runs into the
 * provenance graph.
 */
package dev.provenant.openlineage;
