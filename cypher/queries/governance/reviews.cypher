// The reviews given to the given decisions through the review mutation, oldest first.
// Each ref may look at an instant ($refs[key].asOf): only the reviews given by then.
UNWIND range(0, size($refs) - 1) AS key
WITH key, $refs[key] AS ref
// Seeks by id on :Node, whose uniqueness constraint backs the only id index; a kind label alone would scan.
MATCH (d:Node {id: ref.id})-[r:APPROVED_BY]->(a:Approver)
WHERE d:Decision AND r.verdict IS NOT NULL AND (ref.asOf IS NULL OR r.at <= ref.asOf)
RETURN key, r.verdict AS verdict, r.at AS at, r.rationale AS rationale, a AS approver
ORDER BY key, r.at
