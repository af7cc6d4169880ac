// Every edge between provenance nodes, by the ids it joins. AUDITED edges are not among them: they follow from
// each audit event's ids.
MATCH (a:Node)-[r]->(b:Node)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties
ORDER BY from, type, to
