// How many pending reviews match the queue's filters.
MATCH (d:Decision)
WHERE d.reviewState = 'PENDING'
  AND ($role IS NULL OR size(coalesce(d.requiredRoles, [])) = 0 OR $role IN d.requiredRoles)
  AND ($dueBefore IS NULL OR d.reviewDeadline < $dueBefore)
RETURN count(d) AS total
