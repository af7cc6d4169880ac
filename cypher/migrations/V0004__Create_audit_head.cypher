// The single AuditHead holds the latest sequence and hash; every writer locks it to append, which is what keeps
// the chain one line. (Data, so apart from the schema migration: Neo4j runs the two in separate transactions.)
MERGE (h:AuditHead {name: 'head'})
  ON CREATE SET h.sequence = 0, h.hash = '0000000000000000000000000000000000000000000000000000000000000000';
