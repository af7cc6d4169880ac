// Events in sequence order within [$from, $to], for verification, each with the ids of the nodes it is linked to.
MATCH (e:AuditEvent)
WHERE e.sequence >= $from AND e.sequence <= $to
RETURN e, [(e)-[:AUDITED]->(n:Node) | n.id] AS audited
ORDER BY e.sequence
