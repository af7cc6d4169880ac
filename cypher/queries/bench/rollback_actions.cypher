// The benchmark's database baseline for rollback scope: the actions downstream of the root's decisions, each with its
// occurredAt and the actions that triggered it, for ordering outside the database. The same single pruning expand as
// bench/blast_radius.cypher (which says why it reaches exactly the service's actions), ending at actions only.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF|EXECUTES|TRIGGERED_BY*0..]-(a:Action)
WITH DISTINCT a
RETURN a.id AS id, a.occurredAt AS occurredAt, [(a)-[:TRIGGERED_BY]->(t:Action) | t.id] AS triggeredBy
