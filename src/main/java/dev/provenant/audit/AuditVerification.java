package dev.provenant.audit;

/**
 * The outcome of recomputing the chain.
 *
 * @param checked how many events were recomputed
 * @param firstBrokenSequence the first sequence whose event, hash, payload or records do
 * not match, if any
 * @param headHash the hash of the last event checked (or of the head, for the whole log):
 * pin it outside the system
 */
public record AuditVerification(boolean ok, int checked, Long firstBrokenSequence, String headHash) {
}
