// Lifts a node's quarantine if it has one; the release is appended to its history.
// Returns whether anything changed and the index of the history entry the change wrote.
MATCH (n:Node {id: $id})
WITH n, n:Quarantined AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  REMOVE n:Quarantined
  SET n.quarantined = false, n.quarantineHistory = n.quarantineHistory + $event)
RETURN n, changed, size(coalesce(n.quarantineHistory, [])) - 1 AS entry
