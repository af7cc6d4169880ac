// The approver edges of the given decisions, oldest first: reviews given through the review mutation (with a verdict)
// and approvals attested at ingest (without one, naming the principal that sent them).
// Each ref may look at an instant ($refs[key].asOf): only what was recorded by then.
UNWIND range(0, size($refs) - 1) AS key
WITH key, $refs[key] AS ref
// Seeks by id on :Node, whose uniqueness constraint backs the only id index; a kind label alone would scan.
MATCH (d:Node {id: ref.id})-[r:APPROVED_BY]->(a:Approver)
WHERE d:Decision AND (ref.asOf IS NULL OR coalesce(r.at, r.recordedAt) <= ref.asOf)
RETURN key, r.verdict AS verdict, coalesce(r.at, r.recordedAt) AS at, r.rationale AS rationale,
       r.attestedBy AS attestedBy, a AS approver
ORDER BY key, at
