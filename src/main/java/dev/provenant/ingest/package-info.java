/**
 * Batch ingest: validates a batch of provenance records against itself and the stored
 * graph, then writes it in one transaction with UNWIND statements, or writes nothing and
 * names every offending record.
 */
package dev.provenant.ingest;
