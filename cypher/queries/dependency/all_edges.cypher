// Every provenance edge (both ends are Node; the audit log's edges start at an AuditEvent), streamed when the
// dependency index is built.
MATCH (from:Node)-[r]->(to:Node)
RETURN from.id AS from, type(r) AS type, to.id AS to
