// Creates the batch's edges between nodes that now exist; each carries its owner's ingest time (for asOf), and an
// approval sent with a decision names the principal that attested it.
UNWIND $edges AS edge
MATCH (from:Node {id: edge.from})
MATCH (to:Node {id: edge.to})
CREATE (from)-[edgeRecord:$(edge.type)]->(to)
SET edgeRecord.recordedAt = $recordedAt, edgeRecord += edge.properties
