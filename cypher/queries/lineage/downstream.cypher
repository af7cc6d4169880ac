// The nodes within {{depth}} hops downstream of the root (the root included), each with its incoming edges.
// The bound is rendered from a range-checked integer: Cypher takes no parameter there. DISTINCT on the end node
// lets the planner use a pruning breadth-first expand instead of enumerating paths.
MATCH (root:Node {id: $id})
MATCH (root)<-[*0..{{depth}}]-(n:Node)
WITH DISTINCT n
RETURN n AS node, [(n)<-[r]-(m:Node) | {type: type(r), from: m.id, to: n.id}] AS edges
