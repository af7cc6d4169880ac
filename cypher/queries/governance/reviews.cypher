// The reviews given to the given decisions through the review mutation, oldest first.
UNWIND $ids AS id
MATCH (d:Decision {id: id})-[r:APPROVED_BY]->(a:Approver)
WHERE r.verdict IS NOT NULL
RETURN id, r.verdict AS verdict, r.at AS at, r.rationale AS rationale, a AS approver
ORDER BY id, r.at
