// The benchmark's database floor: the blast radius as one raw Cypher query (decisions downstream of the root, then
// the actions downstream of those), with no point-in-time predicates, no windows and no result objects beyond ids.
// DISTINCT on each expand's end node lets the planner prune (breadth-first) instead of enumerating paths; OPTIONAL
// CALL keeps decisions without actions.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF*0..]-(d:Decision)
WITH DISTINCT d
OPTIONAL CALL (d) {
  MATCH (d)<-[:EXECUTES|TRIGGERED_BY*1..]-(a:Action)
  RETURN DISTINCT a
}
WITH collect(DISTINCT d.id) AS decisions, collect(DISTINCT a) AS actions
RETURN decisions, [a IN actions | a.id] AS actions
