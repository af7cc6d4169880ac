// Creates the edges declared by the batch's new records; both ends exist by now (checked before writing).
UNWIND $edges AS edge
MATCH (from:Node {id: edge.from})
MATCH (to:Node {id: edge.to})
CREATE (from)-[:$(edge.type)]->(to)
