// Every span kept of these traces, to map each trace with all that has arrived of it.
UNWIND $traceIds AS traceId
MATCH (s:OtlpSpan {traceId: traceId})
RETURN properties(s) AS span
