// Recreates the OpenTelemetry spans as kept.
UNWIND $rows AS row
CREATE (s:OtlpSpan)
SET s = row.properties
RETURN count(s) AS created
