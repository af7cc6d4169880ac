// Edges of the given types arriving at the given nodes, with their sources: what depends on each node.
// Only asked for decisions and actions, whose in-degree is small (their actions, the actions they triggered).
UNWIND $ids AS id
MATCH (n:Node {id: id})<-[r]-(m:Node)
WHERE type(r) IN $types
RETURN id, type(r) AS type, m AS source
ORDER BY id, m.id
