// What the audit log digests about the nodes an event touched: their properties and every outgoing edge to another
// node, each with what tells the edges apart: recorded with the node, a review's verdict (an approver edge given
// later), or mapped from OpenLineage events later (`via`). RecordsDigest sorts them out; the dependency index takes
// this instance's own writes from the same rows (TouchedNode.fromAuditRow), so a write is read back once.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id, properties(n) AS properties,
       [(n)-[r]->(m:Node) | {type: type(r), to: m.id, verdict: r.verdict, at: r.at, rationale: r.rationale, via: r.via}]
         AS out
