// Every edge leaving the given nodes, with its target: what each node depends on.
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r]->(m:Node)
RETURN id, type(r) AS type, m AS target
ORDER BY id, m.id
