/**
 * {@code java -jar provenant.jar bench}: generates a synthetic provenance graph, ingests
 * it through the service and times its answers against raw Cypher and an in-memory floor.
 */
package dev.provenant.bench;
