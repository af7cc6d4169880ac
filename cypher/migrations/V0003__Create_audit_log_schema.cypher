// The audit log: one AuditEvent per write, chained by hash, numbered without gaps.
CREATE CONSTRAINT audit_event_sequence_unique IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.sequence IS UNIQUE;
CREATE RANGE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
