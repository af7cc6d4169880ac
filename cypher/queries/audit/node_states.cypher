// What the audit log digests about the nodes an event touched: their properties, the outgoing provenance edges
// they were recorded with, the reviews given later (approver edges carrying a verdict) and the edges mapped from
// OpenLineage events later, apart. Between them these are every edge a node has to another, which is how the
// dependency index takes this instance's own writes from here (TouchedNode.fromAuditRow) without reading them again.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id, properties(n) AS properties,
       [(n)-[r:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES|CONSUMED|GENERATED_BY|RUN_OF|PART_OF]->(m:Node)
         WHERE r.verdict IS NULL AND r.via IS NULL | type(r) + ':' + m.id] AS edges,
       [(n)-[r:APPROVED_BY]->(a:Approver) WHERE r.verdict IS NOT NULL
         | {approver: a.id, verdict: r.verdict, at: r.at, rationale: r.rationale}] AS reviews,
       [(n)-[r]->(m:Node) WHERE r.via IS NOT NULL | type(r) + ':' + m.id] AS mapped
