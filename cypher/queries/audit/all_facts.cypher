// Every provenance fact in the store, streamed once for the state digest: nodes labelled Node, LineageEvent or OtlpSpan.
MATCH (n)
WHERE n:Node OR n:LineageEvent OR n:OtlpSpan
RETURN CASE WHEN n:Node THEN n.id WHEN n:OtlpSpan THEN 'OtlpSpan ' + n.key ELSE 'LineageEvent ' + n.sha256 END AS key, labels(n) AS labels,
       properties(n) AS properties,
       [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.sha256), properties: properties(r)}]
         AS out
