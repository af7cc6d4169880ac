// The benchmark's database floor for rollback scope: the actions downstream of the root's decisions, each with its
// occurredAt and the actions that triggered it, for ordering outside the database.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF*0..]-(d:Decision)
WITH DISTINCT d
MATCH (d)<-[:EXECUTES|TRIGGERED_BY*1..]-(a:Action)
WITH DISTINCT a
RETURN a.id AS id, a.occurredAt AS occurredAt, [(a)-[:TRIGGERED_BY]->(t:Action) | t.id] AS triggeredBy
