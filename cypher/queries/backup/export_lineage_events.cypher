// The OpenLineage events as received, by digest.
MATCH (e:LineageEvent)
RETURN properties(e) AS properties
ORDER BY e.sha256
