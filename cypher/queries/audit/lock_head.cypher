// Locks the audit head and reads it. Taken first in every recorded write (ADR 11): while a write holds it no other
// recorded write changes the store, so the facts it reads before and after its change are its own, and the chain
// and the state digest move one event at a time.
MATCH (h:AuditHead {name: 'head'})
SET h.locked = true
REMOVE h.locked
RETURN h.sequence AS sequence, h.hash AS hash, h.state AS state
