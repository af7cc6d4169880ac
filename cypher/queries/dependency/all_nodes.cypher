// Every provenance node with what the dependency index keeps of it, streamed when the index is built.
MATCH (n:Node)
RETURN n.id AS id, n.kind AS kind, n.occurredAt AS occurredAt, n.reviewState AS reviewState,
       n.rolledBackAt IS NOT NULL AS rolledBack, coalesce(n.reversible, true) AS reversible
