// Governance events as every instance hears them: one entry per event, in commit order by sequence.
CREATE CONSTRAINT governance_event_entry_id_unique IF NOT EXISTS FOR (e:GovernanceEventEntry) REQUIRE e.id IS UNIQUE;
CREATE RANGE INDEX governance_event_entry_sequence IF NOT EXISTS FOR (e:GovernanceEventEntry) ON (e.sequence);
CREATE RANGE INDEX governance_event_entry_recorded IF NOT EXISTS FOR (e:GovernanceEventEntry) ON (e.recordedAt);
// The one head that numbers them, found by id.
CREATE CONSTRAINT event_log_head_id_unique IF NOT EXISTS FOR (h:EventLogHead) REQUIRE h.id IS UNIQUE;
