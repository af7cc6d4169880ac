// Which of these spans are kept already (key <traceId>:<spanId>): the first copy received is the one kept.
UNWIND $keys AS key
MATCH (s:OtlpSpan {key: key})
RETURN s.key AS key
