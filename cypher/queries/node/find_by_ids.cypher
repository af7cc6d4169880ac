// Nodes by id, in one round trip however many ids are asked for; with $asOf, only those recorded by then.
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE $asOf IS NULL OR n.recordedAt <= $asOf
RETURN n
