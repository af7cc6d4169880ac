// The audit log, in chain order.
MATCH (e:AuditEvent)
RETURN properties(e) AS properties
ORDER BY e.sequence
