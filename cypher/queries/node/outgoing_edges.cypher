// Every edge leaving the given nodes, with its target: what each node depends on. Each ref may look at the graph
// as of an instant (edges recorded by then); rows name the ref by its position in $refs.
UNWIND range(0, size($refs) - 1) AS key
WITH key, $refs[key] AS ref
MATCH (n:Node {id: ref.id})-[r]->(m:Node)
WHERE ref.asOf IS NULL OR r.recordedAt <= ref.asOf
RETURN key, type(r) AS type, m AS target
ORDER BY key, m.id
