// Everything downstream of the root along the edges that lead towards decisions, counted by kind, with the
// decisions inside the window [$from, $to) listed. Actions are reached from those decisions in a second step,
// so that the window on decisions also bounds the actions. The root itself is left out unless it is a decision.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY*0..]-(n:Node)
WITH DISTINCT n
WHERE n.id <> $id OR n:Decision
WITH n.kind AS kind, collect(n) AS nodes
RETURN kind, size(nodes) AS count,
       [d IN nodes WHERE d:Decision
          AND ($from IS NULL OR d.occurredAt >= $from)
          AND ($to IS NULL OR d.occurredAt < $to) | {id: d.id, occurredAt: d.occurredAt, reviewState: d.reviewState}] AS decisions
