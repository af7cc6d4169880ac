// Everything downstream of the root along the edges that lead towards decisions, counted by kind, with the
// decisions inside the window [$from, $to) listed. Actions are reached from those decisions in a second step,
// so that the window on decisions also bounds the actions. The root itself is left out unless it is a decision.
// With $asOf, only edges recorded by then are followed, and review states are those of that instant.
// $asOf is never null (the service passes the end of time for "now"): an `$asOf IS NULL OR ...` guard would
// stop the planner from inlining the predicate into the pruning expand and make it enumerate paths instead.
MATCH (root:Node {id: $id})
MATCH (root)<-[rels:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF*0..]-(n:Node)
WHERE all(r IN rels WHERE r.recordedAt <= $asOf)
WITH DISTINCT n
WHERE n.id <> $id OR n:Decision
WITH n.kind AS kind, collect(n) AS nodes
RETURN kind, size(nodes) AS count,
       [d IN nodes WHERE d:Decision
          AND ($from IS NULL OR d.occurredAt >= $from)
          AND ($to IS NULL OR d.occurredAt < $to) | {id: d.id, occurredAt: d.occurredAt,
            reviewState: CASE WHEN d.reviewedAt > $asOf THEN 'PENDING' ELSE d.reviewState END}] AS decisions
