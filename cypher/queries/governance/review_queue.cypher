// One page of pending reviews, earliest deadline first, then decision id.
MATCH (d:Decision)
WHERE d.reviewState = 'PENDING'
  AND ($role IS NULL OR size(coalesce(d.requiredRoles, [])) = 0 OR $role IN d.requiredRoles)
  AND ($dueBefore IS NULL OR d.reviewDeadline < $dueBefore)
RETURN d
ORDER BY d.reviewDeadline, d.id
SKIP $skip LIMIT $limit
