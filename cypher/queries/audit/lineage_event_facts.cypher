// The facts of the given OpenLineage events as received, keyed as the audit log keys them.
UNWIND $digests AS digest
MATCH (n:LineageEvent {sha256: digest})
RETURN 'LineageEvent ' + digest AS key, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.sha256), properties: properties(r)}]
         AS out
