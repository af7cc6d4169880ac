// Forgets entries of the event log recorded before a time, a bounded number per transaction.
MATCH (e:GovernanceEventEntry)
WHERE e.recordedAt < $before
WITH e
LIMIT $limit
DELETE e
RETURN count(*) AS forgotten
