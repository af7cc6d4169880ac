// Moves the audit head to the last imported event, so the next write chains on.
MATCH (h:AuditHead {name: 'head'})
SET h.sequence = $sequence, h.hash = $hash
RETURN h.sequence AS sequence
