// Locks the audit head and reads it. Taken last in a write transaction, after the write itself, so the lock is held
// only while the event is appended; concurrent writers queue here and the chain stays gap-free.
MATCH (h:AuditHead {name: 'head'})
SET h.locked = true
REMOVE h.locked
RETURN h.sequence AS sequence, h.hash AS hash
