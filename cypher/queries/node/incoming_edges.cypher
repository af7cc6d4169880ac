// Edges of the given types arriving at the given nodes, with their sources: what depends on each node. Only asked
// for decisions, actions, runs and jobs, whose in-degree through these types is small. Each ref may look at the graph as of an instant; rows name
// the ref by its position in $refs.
UNWIND range(0, size($refs) - 1) AS key
WITH key, $refs[key] AS ref
MATCH (n:Node {id: ref.id})<-[r]-(m:Node)
WHERE type(r) IN $types AND (ref.asOf IS NULL OR r.recordedAt <= ref.asOf)
RETURN key, type(r) AS type, m AS source
ORDER BY key, m.id
