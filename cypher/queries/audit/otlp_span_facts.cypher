// The facts of the given kept OpenTelemetry spans, keyed as the audit log keys them.
UNWIND $keys AS key
MATCH (n:OtlpSpan {key: key})
RETURN 'OtlpSpan ' + key AS key, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.sha256), properties: properties(r)}]
         AS out
