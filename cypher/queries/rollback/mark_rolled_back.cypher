// Marks an executed action rolled back, once: a second call finds it ROLLED_BACK and leaves who, when, why and the
// note as they were first recorded. Returns the node whatever its kind, so the caller can tell "unknown" from "not an
// action", and whether anything changed.
MATCH (n:Node {id: $id})
WITH n, n:Action AND n.status = 'EXECUTED' AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.status = 'ROLLED_BACK', n.rolledBackAt = $at, n.rolledBackBy = $by, n.rollbackReason = $reason,
      n.rollbackNote = $note)
RETURN n, changed
