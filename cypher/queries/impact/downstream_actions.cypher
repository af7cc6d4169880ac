// The actions downstream of the seeds: each seed itself when it is an action, the actions executing a seed
// decision, and everything those triggered, transitively. Each comes with the actions it was triggered by,
// which rollback ordering needs.
UNWIND $seeds AS seedId
MATCH (seed:Node {id: seedId})
MATCH (seed)<-[:EXECUTES|TRIGGERED_BY*0..]-(a:Action)
WITH DISTINCT a
RETURN a.id AS id, a.occurredAt AS occurredAt, a.status AS status, a.reversible AS reversible,
       [(a)-[:TRIGGERED_BY]->(t:Action) | t.id] AS triggeredBy
