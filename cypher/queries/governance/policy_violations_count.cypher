// How many policy violations fall in the window.
MATCH (d:Decision)
WHERE d.policyViolation = true
  AND ($from IS NULL OR d.occurredAt >= $from)
  AND ($to IS NULL OR d.occurredAt < $to)
RETURN count(d) AS total
