// One page of the whole log, newest first, optionally within [$from, $to) by time.
MATCH (e:AuditEvent)
WHERE ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at < $to)
RETURN e
ORDER BY e.sequence DESC
SKIP $skip LIMIT $limit
