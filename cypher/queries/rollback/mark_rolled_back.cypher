// Marks an executed action rolled back, once: a second call finds it ROLLED_BACK and leaves who, when and why as
// they were first recorded. Returns the node whatever its kind, so the caller can tell "unknown" from "not an action".
MATCH (n:Node {id: $id})
FOREACH (_ IN CASE WHEN n:Action AND n.status = 'EXECUTED' THEN [1] ELSE [] END |
  SET n.status = 'ROLLED_BACK', n.rolledBackAt = $at, n.rolledBackBy = $by, n.rollbackReason = $reason)
RETURN n
