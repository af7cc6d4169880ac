// The OpenTelemetry spans as kept, by key.
MATCH (s:OtlpSpan)
RETURN properties(s) AS properties
ORDER BY s.key
