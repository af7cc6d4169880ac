// What the audit log digests about the nodes an event touched: their properties, the outgoing provenance edges
// they were recorded with, and the reviews given later (approver edges carrying a verdict) apart.
// With $forIndex, each row also carries what the dependency index keeps of the node (the columns of
// dependency/nodes_with_edges), so that a write is read back once for both; the verifier leaves it off.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id, properties(n) AS properties,
       [(n)-[r:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES]->(m:Node)
         WHERE r.verdict IS NULL | type(r) + ':' + m.id] AS edges,
       [(n)-[r:APPROVED_BY]->(a:Approver) WHERE r.verdict IS NOT NULL
         | {approver: a.id, verdict: r.verdict, at: r.at, rationale: r.rationale}] AS reviews,
       n.kind AS kind, n.occurredAt AS occurredAt, n.reviewState AS reviewState,
       n.rolledBackAt IS NOT NULL AS rolledBack, coalesce(n.reversible, true) AS reversible,
       CASE WHEN $forIndex THEN [(n)-[r]->(m:Node) | {type: type(r), to: m.id, kind: m.kind}] END AS dependencyEdges
