// Datasets, jobs and runs named by the events: one node per id however many events name it. A node that exists
// (a dataset ingested through GraphQL, or named by an earlier event) is left as it is; its kind was checked before.
UNWIND $nodes AS node
MERGE (n:Node {id: node.id})
  ON CREATE SET n:$(node.label), n += node.properties, n.recordedAt = $recordedAt
