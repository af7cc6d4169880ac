/**
 * Whole-graph export and import as NDJSON: a consistent copy of every provenance node,
 * edge and audit event, and its restoration into an empty store.
 */
package dev.provenant.backup;
