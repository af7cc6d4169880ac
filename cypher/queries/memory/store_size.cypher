// How many provenance nodes and edges the store holds, for the memory model: both come from Neo4j's count store,
// so this costs the same on an empty store as on a billion nodes.
CALL { MATCH (n:Node) RETURN count(n) AS nodes }
CALL { MATCH (:Node)-[r]->() RETURN count(r) AS edges }
RETURN nodes, edges
