// One page of the events that touched a node, newest first.
MATCH (e:AuditEvent)-[:AUDITED]->(:Node {id: $id})
RETURN e
ORDER BY e.sequence DESC
SKIP $skip LIMIT $limit
