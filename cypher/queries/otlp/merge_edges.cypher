// The edges a trace implies (a decision PART_OF its agent's run, a run RUN_OF its agent, PART_OF the run that invoked
// it), each created once. Marked as mapped from OpenTelemetry: they may reach a decision recorded before its agent's
// span arrived.
UNWIND $edges AS edge
MATCH (from:Node {id: edge.from})
MATCH (to:Node {id: edge.to})
MERGE (from)-[r:$(edge.type)]->(to)
  ON CREATE SET r.recordedAt = $recordedAt, r.via = 'otlp'
