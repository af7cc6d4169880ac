// Who recorded each of these decisions and runs: the actor of the first audit event that touched it (its ingest,
// or the OpenLineage event that named it first).
UNWIND $ids AS id
MATCH (n:Node {id: id})<-[:AUDITED]-(e:AuditEvent)
WITH id, e
ORDER BY e.sequence
RETURN id, head(collect(e.actor)) AS actor
