// The nodes within {{depth}} hops upstream of the root (the root included), each with its outgoing edges. Only
// provenance edges are followed, never the audit log's; with $asOf, only edges recorded by then (an edge is
// recorded with its owner, so both its ends were too).
// The bound is rendered from a range-checked integer: Cypher takes no parameter there. DISTINCT on the end node
// lets the planner use a pruning breadth-first expand instead of enumerating paths.
MATCH (root:Node {id: $id})
MATCH (root)-[rels:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES*0..{{depth}}]->(n:Node)
WHERE $asOf IS NULL OR all(r IN rels WHERE r.recordedAt <= $asOf)
WITH DISTINCT n
RETURN n AS node,
       [(n)-[r:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES]->(m:Node) WHERE $asOf IS NULL OR r.recordedAt <= $asOf | {type: type(r), from: n.id, to: m.id}] AS edges
