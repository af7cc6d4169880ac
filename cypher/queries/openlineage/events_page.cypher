// The kept OpenLineage events in the order they happened, a page at a time, for replaying them.
MATCH (e:LineageEvent)
RETURN e.json AS json
ORDER BY e.eventTime, e.sha256
SKIP $skip
LIMIT $limit
