package dev.provenant.audit;

/**
 * The outcome of recomputing the chain and, for the whole log, the store's state.
 *
 * @param checked how many events were recomputed
 * @param firstBrokenSequence the first sequence whose event, hash or records do not
 * match, or the event after which a record went out of step with the log, if any
 * @param headHash the hash of the last event checked (or of the head, for the whole log):
 * pin it outside the system, or keep a signed checkpoint
 * @param problem what was found wrong, in words, or {@code null}
 * @param outOfStep the node (or OpenLineage event, or foreign record) found out of step
 * with the log, if one was
 * @param storeChecked whether the store's facts were checked against the log, not only
 * the chain
 */
public record AuditVerification(boolean ok, int checked, Long firstBrokenSequence, String headHash, String problem,
		String outOfStep, boolean storeChecked) {

	static AuditVerification intact(int checked, String headHash, boolean storeChecked) {
		return new AuditVerification(true, checked, null, headHash, null, null, storeChecked);
	}

	static AuditVerification broken(int checked, long sequence, String headHash, String problem, String outOfStep,
			boolean storeChecked) {
		return new AuditVerification(false, checked, sequence, headHash, problem, outOfStep, storeChecked);
	}

}
