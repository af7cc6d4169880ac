// OpenTelemetry spans are kept as received (content attributes removed), one node per trace and span id: the first
// copy received is kept, and a span sent again is recognised by its key.
CREATE CONSTRAINT otlp_span_key_unique IF NOT EXISTS FOR (s:OtlpSpan) REQUIRE s.key IS UNIQUE;
CREATE INDEX otlp_span_trace IF NOT EXISTS FOR (s:OtlpSpan) ON (s.traceId);
