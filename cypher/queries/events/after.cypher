// The next entries of the event log after a sequence (and up to another), in order.
MATCH (e:GovernanceEventEntry)
WHERE e.sequence > $after AND e.sequence <= $upTo
RETURN e.sequence AS sequence, e.id AS id, e.type AS type, e.at AS at, e.subjectId AS subjectId, e.detail AS detail
ORDER BY e.sequence
LIMIT $limit
