// Recreates edges between nodes created before them; an edge whose ends are missing is not created, and the
// count tells.
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
