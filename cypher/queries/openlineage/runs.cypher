// What is stored of these runs, for folding new events into it.
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE n:Run
RETURN n.id AS id, n.state AS state, n.lastEventAt AS lastEventAt, n.startedAt AS startedAt, n.endedAt AS endedAt
