// Every provenance node with all its labels and properties, in id order.
MATCH (n:Node)
RETURN labels(n) AS labels, properties(n) AS properties
ORDER BY n.id
