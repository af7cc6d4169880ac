// How many events touched a node.
MATCH (e:AuditEvent)-[:AUDITED]->(:Node {id: $id})
RETURN count(e) AS total
