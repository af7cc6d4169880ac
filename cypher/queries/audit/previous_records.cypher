// For each (sequence, node id), the event that touched the node last before that sequence: the diagnosis checks that
// each write found a node as the write before it left it.
UNWIND $items AS item
CALL (item) {
  OPTIONAL MATCH (p:AuditEvent)-[:AUDITED]->(:Node {id: item.key})
  WHERE p.sequence < item.sequence
  RETURN p
  ORDER BY p.sequence DESC
  LIMIT 1
}
RETURN item.sequence AS sequence, item.key AS key, p.sequence AS previous, p.recordKeys AS keys,
       p.recordsAfter AS after
