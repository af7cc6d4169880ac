// The hash of the event just before a range, which the range's first event chains from.
MATCH (e:AuditEvent {sequence: $sequence})
RETURN e.hash AS hash
