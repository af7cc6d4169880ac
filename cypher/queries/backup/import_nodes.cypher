// Recreates nodes exactly as exported: labels and properties.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties
RETURN count(n) AS created
