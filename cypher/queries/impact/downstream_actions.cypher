// The actions downstream of the seeds: each seed itself when it is an action, the actions executing a seed
// decision, and everything those triggered, transitively. Each comes with the actions it was triggered by,
// which rollback ordering needs. With $asOf: the actions recorded by then, with their status at that instant.
// $asOf is never null (the service passes the end of time for "now"), so the predicate inlines into the expand.
UNWIND $seeds AS seedId
MATCH (seed:Node {id: seedId})
MATCH (seed)<-[rels:EXECUTES|TRIGGERED_BY*0..]-(a:Action)
WHERE all(r IN rels WHERE r.recordedAt <= $asOf)
WITH DISTINCT a
RETURN a.id AS id, a.occurredAt AS occurredAt, a.reversible AS reversible,
       CASE WHEN a.rolledBackAt <= $asOf
            THEN 'ROLLED_BACK' ELSE 'EXECUTED' END AS status,
       [(a)-[r:TRIGGERED_BY]->(t:Action) WHERE r.recordedAt <= $asOf | t.id] AS triggeredBy
