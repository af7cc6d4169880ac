// Records a verdict on a pending decision: the approver edge carries verdict, time and rationale.
// Seeks by id on :Node, whose uniqueness constraint backs the only id index; a kind label alone would scan.
MATCH (d:Node {id: $decisionId})
WHERE d:Decision
MATCH (a:Node {id: $approverId})
WHERE a:Approver
CREATE (d)-[:APPROVED_BY {verdict: $verdict, at: $at, rationale: $rationale, recordedAt: $at}]->(a)
SET d.reviewState = $state, d.reviewedAt = $at
RETURN d
