// Events in sequence order within [$from, $to], for verification.
MATCH (e:AuditEvent)
WHERE e.sequence >= $from AND e.sequence <= $to
RETURN e
ORDER BY e.sequence
