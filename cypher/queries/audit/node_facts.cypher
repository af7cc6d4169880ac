// The facts of the given nodes as the state digest sees them: labels, every property, and every outgoing
// relationship with its properties, to whatever node it leads. Keys are node ids.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id AS key, id, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.sha256), properties: properties(r)}]
         AS out
