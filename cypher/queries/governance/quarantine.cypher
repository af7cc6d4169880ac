// Quarantines a node unless it already is; every change appends to its history, which is never rewritten.
MATCH (n:Node {id: $id})
FOREACH (_ IN CASE WHEN NOT n:Quarantined THEN [1] ELSE [] END |
  SET n:Quarantined, n:EverQuarantined, n.quarantined = true,
      n.quarantineHistory = coalesce(n.quarantineHistory, []) + $event)
RETURN n
