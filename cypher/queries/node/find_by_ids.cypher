// Nodes by id, in one round trip however many ids are asked for.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n
