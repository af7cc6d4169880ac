// Recreates audit events and links each to the nodes its ids name, as appending did.
UNWIND $rows AS row
CREATE (e:AuditEvent)
SET e = row.properties
WITH e
CALL (e) {
  UNWIND e.ids AS id
  MATCH (n:Node {id: id})
  CREATE (e)-[:AUDITED]->(n)
}
RETURN count(e) AS created
