// How many events the log holds within [$from, $to) by time.
MATCH (e:AuditEvent)
WHERE ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at < $to)
RETURN count(e) AS total
