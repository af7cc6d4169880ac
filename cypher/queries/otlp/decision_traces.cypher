// The spans kept of the traces the given decisions were recorded from, a row per decision.
UNWIND $decisions AS decision
MATCH (s:OtlpSpan {traceId: decision.traceId})
RETURN decision.id AS id, collect(properties(s)) AS spans
