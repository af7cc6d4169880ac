// The touched nodes as the dependency index keeps them, each with all its outgoing provenance edges: a write only
// ever adds edges owned by the nodes it touches (an ingest its new records, a review its decision).
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, n.kind AS kind, n.occurredAt AS occurredAt, n.reviewState AS reviewState,
       n.rolledBackAt IS NOT NULL AS rolledBack, coalesce(n.reversible, true) AS reversible,
       [(n)-[r]->(m:Node) | {type: type(r), to: m.id, kind: m.kind}] AS edges
