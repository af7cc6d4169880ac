// Quarantines a node unless it already is; every change appends to its history, which is never rewritten.
// Returns whether anything changed and the index of the history entry the change wrote.
MATCH (n:Node {id: $id})
WITH n, NOT n:Quarantined AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n:Quarantined, n:EverQuarantined, n.quarantined = true,
      n.quarantineHistory = coalesce(n.quarantineHistory, []) + $event)
RETURN n, changed, size(coalesce(n.quarantineHistory, [])) - 1 AS entry
