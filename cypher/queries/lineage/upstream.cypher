// The nodes within {{depth}} hops upstream of the root (the root included), nearest first and at most $limit of them,
// each with its hop distance and its outgoing edges. Only provenance edges are followed, never the audit log's; with
// $asOf, only edges recorded by then (an edge is recorded with its owner, so both its ends were too).
// The bound is rendered from a range-checked integer: Cypher takes no parameter there. Grouping by the end node
// with the shortest length lets the planner use a pruning breadth-first expand, which finds each node once at its
// distance, instead of enumerating paths. Edges are gathered only for the nodes kept.
// $asOf is never null (the service passes the end of time for "now"): an `$asOf IS NULL OR ...` guard would
// stop the planner from inlining the predicate into the pruning expand and make it enumerate paths instead.
MATCH (root:Node {id: $id})
MATCH (root)-[rels:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES|CONSUMED|GENERATED_BY|RUN_OF|PART_OF*0..{{depth}}]->(n:Node)
WHERE all(r IN rels WHERE r.recordedAt <= $asOf)
WITH n, min(size(rels)) AS distance
ORDER BY distance, n.id
LIMIT $limit
RETURN n AS node, distance,
       [(n)-[r:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES|CONSUMED|GENERATED_BY|RUN_OF|PART_OF]->(m:Node) WHERE r.recordedAt <= $asOf | {type: type(r), from: n.id, to: m.id,
         approval: CASE WHEN type(r) <> 'APPROVED_BY' THEN null WHEN r.verdict IS NULL THEN 'ATTESTED' ELSE 'VERIFIED' END, attestedBy: r.attestedBy}] AS edges
