// Appends one event, links it to the nodes it touched, and moves the head: sequence, hash, state digest, and the
// service's signature over them.
MATCH (h:AuditHead {name: 'head'})
CREATE (e:AuditEvent {sequence: $sequence, at: $at, actor: $actor, operation: $operation, ids: $ids,
                      payloadDigest: $payloadDigest, recordsDigest: $recordsDigest, detail: $detail, hash: $hash,
                      v: $v, stateDigest: $stateDigest, recordKeys: $recordKeys, recordsBefore: $recordsBefore,
                      recordsAfter: $recordsAfter, reason: $reason, note: $note})
SET h.sequence = $sequence, h.hash = $hash, h.state = $state, h.stateDigest = $stateDigest, h.at = $at,
    h.signature = $signature
WITH e
UNWIND $ids AS id
MATCH (n:Node {id: id})
CREATE (e)-[:AUDITED]->(n)
