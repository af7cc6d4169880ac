// Lifts a node's quarantine if it has one; the release is appended to its history.
MATCH (n:Node {id: $id})
FOREACH (_ IN CASE WHEN n:Quarantined THEN [1] ELSE [] END |
  REMOVE n:Quarantined
  SET n.quarantined = false, n.quarantineHistory = n.quarantineHistory + $event)
RETURN n
