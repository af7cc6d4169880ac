// Appends one event, links it to the nodes it touched, and moves the head.
MATCH (h:AuditHead {name: 'head'})
CREATE (e:AuditEvent {sequence: $sequence, at: $at, actor: $actor, operation: $operation, ids: $ids,
                      payloadDigest: $payloadDigest, recordsDigest: $recordsDigest, detail: $detail, hash: $hash})
SET h.sequence = $sequence, h.hash = $hash
WITH e
UNWIND $ids AS id
MATCH (n:Node {id: id})
CREATE (e)-[:AUDITED]->(n)
