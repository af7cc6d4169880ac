// Creates the edges declared by the batch's new records; both ends exist by now (checked before writing).
// An edge is recorded when its owner is.
UNWIND $edges AS edge
MATCH (from:Node {id: edge.from})
MATCH (to:Node {id: edge.to})
CREATE (from)-[edgeRecord:$(edge.type)]->(to)
SET edgeRecord.recordedAt = $recordedAt
