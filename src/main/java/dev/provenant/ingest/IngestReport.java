package dev.provenant.ingest;

/**
 * What an accepted batch did: nodes created, records already stored identically, and
 * edges created.
 */
public record IngestReport(int created, int unchanged, int edgesCreated) {
}
