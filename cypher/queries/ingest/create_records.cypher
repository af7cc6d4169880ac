// Creates the batch's new nodes (the common label Node plus the kind's own label), then its edges between nodes that
// now exist, in one statement: a small write is a few round trips, and this saves one. Each edge carries its owner's
// ingest time (for asOf), and an approval sent with a decision names the principal that attested it.
CALL () {
  UNWIND $nodes AS node
  CREATE (n:Node:$(node.label))
  SET n = node.properties
}
CALL () {
  UNWIND $edges AS edge
  MATCH (from:Node {id: edge.from})
  MATCH (to:Node {id: edge.to})
  CREATE (from)-[edgeRecord:$(edge.type)]->(to)
  SET edgeRecord.recordedAt = $recordedAt, edgeRecord += edge.properties
}
