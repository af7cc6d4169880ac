// The edges the events imply, each created once. They are marked as mapped from OpenLineage: unlike ingested
// edges they may be added to a node after it was recorded, so the audit log digests them apart.
UNWIND $edges AS edge
MATCH (from:Node {id: edge.from})
MATCH (to:Node {id: edge.to})
MERGE (from)-[r:$(edge.type)]->(to)
  ON CREATE SET r.recordedAt = $recordedAt, r.via = 'openlineage'
