// Keeps each new span as received, without its content attributes, so that its trace can be mapped again as more
// of it arrives.
UNWIND $spans AS span
CREATE (s:OtlpSpan)
SET s = span, s.receivedAt = $receivedAt
