// Locks the audit head without reading it (ADR 11): the lock of audit/lock_head for a write that learns the head
// later, with the facts after its change (audit/node_facts with $head). It goes with the write's next statement
// (GraphStore.runLater), ahead of anything that statement does, so the head is still locked before the write changes
// anything, and no other recorded write changes the store until it commits.
MATCH (h:AuditHead {name: 'head'})
SET h.locked = true
REMOVE h.locked
