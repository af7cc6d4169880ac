// The facts of the given nodes as the state digest sees them: labels, every property, and every outgoing
// relationship with its properties, to whatever node it leads. Keys are node ids. When $head, one more row holds the
// audit head (`head`, with its sequence, hash and state; its other columns null): a write that locked the head
// without reading it (AuditLog) learns it here, in the round trip it makes anyway.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id AS key, id, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.sha256), properties: properties(r)}]
         AS out,
       null AS head
UNION ALL
MATCH (h:AuditHead {name: 'head'})
WHERE $head
RETURN null AS key, null AS id, null AS labels, null AS properties, null AS out,
       h {.sequence, .hash, .state} AS head
