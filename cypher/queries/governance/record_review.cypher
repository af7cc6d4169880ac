// Records a verdict on a pending decision: the approver edge carries verdict, time and rationale.
MATCH (d:Decision {id: $decisionId})
MATCH (a:Approver {id: $approverId})
CREATE (d)-[:APPROVED_BY {verdict: $verdict, at: $at, rationale: $rationale, recordedAt: $at}]->(a)
SET d.reviewState = $state, d.reviewedAt = $at
RETURN d
