/**
 * The dependency index: a compact in-memory copy of the provenance graph's nodes and
 * edges, kept in step with the audit log, for closures and orderings that Neo4j's
 * traversals are too slow for at scale. Neo4j stays the system of record.
 */
package dev.provenant.dependency;
