// The audit events after the index's sequence, oldest first: each names the nodes its write touched, which is
// what the dependency index must read again to stay in step with the graph.
MATCH (e:AuditEvent)
WHERE e.sequence > $after
RETURN e.sequence AS sequence, e.ids AS ids
ORDER BY e.sequence
LIMIT $limit
