// The nodes within {{depth}} hops downstream of the root (the root included), for the impact view, which draws
// decisions and actions in groups: each node with its kind and hop distance, what it is grouped by (a decision's
// route, an action's reversibility and status at $asOf) and its outgoing edges recorded by then, which also name a
// decision's model version (MADE_BY) and an action's decision (EXECUTES): one pattern per node, not three.
// The expand is lineage/downstream's pruning breadth-first one; each row stays small (ids, no attributes),
// so a blast radius of 50,000 nodes streams in one query. The service loads in full only the few nodes it draws.
// $asOf is never null (the service passes the end of time for "now"), so the predicate inlines into the expand.
MATCH (root:Node {id: $id})
MATCH (root)<-[rels:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES|CONSUMED|GENERATED_BY|RUN_OF|PART_OF*0..{{depth}}]-(n:Node)
WHERE all(r IN rels WHERE r.recordedAt <= $asOf)
WITH n, min(size(rels)) AS distance
RETURN n.id AS id, n.kind AS kind, distance, n.occurredAt AS occurredAt, n.route AS route, n.reversible AS reversible,
       CASE WHEN n:Action THEN CASE WHEN n.rolledBackAt <= $asOf THEN 'ROLLED_BACK' ELSE 'EXECUTED' END END AS status,
       [(n)-[r:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|EXECUTES|TRIGGERED_BY|SUPERSEDES|CONSUMED|GENERATED_BY|RUN_OF|PART_OF]->(m:Node) WHERE r.recordedAt <= $asOf | {type: type(r), to: m.id}] AS edges
