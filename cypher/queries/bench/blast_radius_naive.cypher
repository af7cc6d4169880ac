// The naive raw Cypher blast radius, kept as a labelled second baseline: decisions downstream of the root in one
// pruning expand, then a correlated subquery per decision for its actions. The subquery expands from each decision
// on its own, so an action reached from several decisions is found several times and deduplicated at the end.
// bench/blast_radius.cypher answers the same question with one expand.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF*0..]-(d:Decision)
WITH DISTINCT d
OPTIONAL CALL (d) {
  MATCH (d)<-[:EXECUTES|TRIGGERED_BY*1..]-(a:Action)
  RETURN DISTINCT a
}
WITH collect(DISTINCT d.id) AS decisions, collect(DISTINCT a) AS actions
RETURN decisions, [a IN actions | a.id] AS actions
