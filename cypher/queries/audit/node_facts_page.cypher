// One page of provenance nodes in id order, with their facts and the last event that touched each: what the
// diagnosis of a store out of step with its log compares.
MATCH (n:Node)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (e:AuditEvent)-[:AUDITED]->(n)
  RETURN e
  ORDER BY e.sequence DESC
  LIMIT 1
}
RETURN n.id AS key, n.id AS id, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.sha256), properties: properties(r)}]
         AS out,
       e.sequence AS lastSequence, e.recordKeys AS lastKeys, e.recordsAfter AS lastAfter
