// Appends the events of several writes that shared their statements, in order, links each to the nodes it touched,
// and moves the head once, to the last of them: audit/append_event for a group, in one statement. Each event's
// properties are those audit/append_event sets.
UNWIND $events AS event
CREATE (e:AuditEvent)
SET e = event.properties
WITH e, event
CALL (e, event) {
  UNWIND event.ids AS id
  MATCH (n:Node {id: id})
  CREATE (e)-[:AUDITED]->(n)
}
WITH count(e) AS appended
MATCH (h:AuditHead {name: 'head'})
SET h.sequence = $head.sequence, h.hash = $head.hash, h.state = $head.state, h.stateDigest = $head.stateDigest,
    h.at = $head.at, h.signature = $head.signature
