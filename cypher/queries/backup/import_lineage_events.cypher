// Recreates the OpenLineage events as received.
UNWIND $rows AS row
CREATE (e:LineageEvent)
SET e = row.properties
RETURN count(e) AS created
