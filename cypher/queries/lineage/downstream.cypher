// The nodes within {{depth}} hops downstream of the root (the root included), each with its incoming edges. Only
// provenance edges are followed, never the audit log's.
// The bound is rendered from a range-checked integer: Cypher takes no parameter there. DISTINCT on the end node
// lets the planner use a pruning breadth-first expand instead of enumerating paths.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES*0..{{depth}}]-(n:Node)
WITH DISTINCT n
RETURN n AS node, [(n)<-[r:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES]-(m:Node) | {type: type(r), from: m.id, to: n.id}] AS edges
