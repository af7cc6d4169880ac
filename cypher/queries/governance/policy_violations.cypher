// One page of policy violations, newest decision first, then id.
MATCH (d:Decision)
WHERE d.policyViolation = true
  AND ($from IS NULL OR d.occurredAt >= $from)
  AND ($to IS NULL OR d.occurredAt < $to)
RETURN d
ORDER BY d.occurredAt DESC, d.id
SKIP $skip LIMIT $limit
